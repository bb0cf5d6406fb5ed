using Finsam.Samordning.Domain.FollowUp;
using FsCheck;
using FsCheck.Fluent;

namespace Finsam.Samordning.Domain.Tests.FollowUp;

/// <summary>
/// Generated tables: whatever is published, no suppressed count can be recomputed from the published
/// cells and totals (the attacker solves the row and column equations exactly), every count under the
/// threshold is hidden, and secondary suppression never uses a zero.
/// </summary>
public sealed class SuppressionProperties
{
    [Fact]
    public void No_suppressed_cell_can_be_recomputed_from_what_is_published() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1_000), Prop.ForAll<int, int, int[]>((shape, t, values) =>
        {
            var (grid, threshold) = Table(shape, t, values);
            var status = Suppression.Suppress(grid, threshold);
            for (var i = 0; i < grid.GetLength(0); i++)
            {
                for (var j = 0; j < grid.GetLength(1); j++)
                {
                    var small = grid[i, j] > 0 && grid[i, j] < threshold;
                    if (small && status[i, j] != CellStatus.Primary)
                    {
                        return false;
                    }

                    if (status[i, j] == CellStatus.Secondary && grid[i, j] == 0 && !AllHidden(status))
                    {
                        return false;
                    }
                }
            }

            return Recomputable(grid, status).Count == 0;
        }));

    [Fact]
    public void A_single_small_cell_takes_three_more_with_it()
    {
        // 2 × 2 with totals: the 3 cannot stand alone; its row, its column and the cell across hide with it.
        var grid = WithTotals(new[,] { { 3, 10 }, { 12, 20 } });
        var status = Suppression.Suppress(grid, 5);
        Assert.Equal(CellStatus.Primary, status[0, 0]);
        Assert.Equal(CellStatus.Secondary, status[0, 1]);
        Assert.Equal(CellStatus.Secondary, status[1, 0]);
        Assert.Equal(CellStatus.Secondary, status[1, 1]);
        Assert.Equal(CellStatus.Published, status[2, 2]);
        Assert.Empty(Recomputable(grid, status));
    }

    [Fact]
    public void The_oracle_finds_a_cell_left_alone()
    {
        var grid = WithTotals(new[,] { { 3, 10 }, { 12, 20 } });
        var status = new CellStatus[3, 3];
        status[0, 0] = CellStatus.Primary;
        Assert.Equal([(0, 0)], Recomputable(grid, status));
    }

    // Rows 1–6, columns 1–6, threshold 2–6, counts skewed towards small ones (as small areas are).
    private static (int[,] Grid, int Threshold) Table(int shape, int t, int[] values)
    {
        var rows = 1 + Math.Abs(shape % 6);
        var cols = 1 + Math.Abs(shape / 6 % 6);
        var threshold = 2 + Math.Abs(t % 5);
        var inner = new int[rows, cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                var v = values.Length == 0 ? 0 : Math.Abs(values[(i * cols + j) % values.Length] % 40);
                inner[i, j] = v < 25 ? v % 9 : v;
            }
        }

        return (WithTotals(inner), threshold);
    }

    private static int[,] WithTotals(int[,] inner)
    {
        var rows = inner.GetLength(0);
        var cols = inner.GetLength(1);
        var grid = new int[rows + 1, cols + 1];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                grid[i, j] = inner[i, j];
                grid[i, cols] += inner[i, j];
                grid[rows, j] += inner[i, j];
                grid[rows, cols] += inner[i, j];
            }
        }

        return grid;
    }

    private static bool AllHidden(CellStatus[,] status) => status.Cast<CellStatus>().All(s => s != CellStatus.Published);

    /// <summary>
    /// The attacker: the hidden cells are unknowns, each row and column (totals included) one equation
    /// with the published cells moved to the right. A hidden cell is recomputable exactly when its unit
    /// vector lies in the span of the equations (rank does not grow when it is added). Gaussian
    /// elimination over exact fractions, written apart from the suppression's own cycle reasoning.
    /// </summary>
    private static List<(int, int)> Recomputable(int[,] grid, CellStatus[,] status)
    {
        var rows = grid.GetLength(0) - 1;
        var cols = grid.GetLength(1) - 1;
        var unknowns = new List<(int R, int C)>();
        for (var i = 0; i <= rows; i++)
        {
            for (var j = 0; j <= cols; j++)
            {
                if (status[i, j] != CellStatus.Published)
                {
                    unknowns.Add((i, j));
                }
            }
        }

        var equations = new List<long[]>();
        for (var i = 0; i <= rows; i++)
        {
            // Σ inner cells of row i − row total = 0 (row `rows` is the column totals' row).
            equations.Add([.. unknowns.Select(u => u.R != i ? 0L : u.C == cols ? -1L : 1L)]);
        }

        for (var j = 0; j <= cols; j++)
        {
            equations.Add([.. unknowns.Select(u => u.C != j ? 0L : u.R == rows ? -1L : 1L)]);
        }

        var baseRank = Rank(equations);
        var found = new List<(int, int)>();
        for (var k = 0; k < unknowns.Count; k++)
        {
            var unit = new long[unknowns.Count];
            unit[k] = 1;
            if (Rank([.. equations, unit]) == baseRank)
            {
                found.Add(unknowns[k]);
            }
        }

        return found;
    }

    // Rank by fraction-free elimination (Bareiss-like, integers only, so no rounding).
    private static int Rank(List<long[]> matrix)
    {
        var m = matrix.Select(r => r.Select(v => (System.Numerics.BigInteger)v).ToArray()).ToList();
        if (m.Count == 0 || m[0].Length == 0)
        {
            return 0;
        }

        var rank = 0;
        for (var col = 0; col < m[0].Length && rank < m.Count; col++)
        {
            var pivot = m.FindIndex(rank, r => !r[col].IsZero);
            if (pivot < 0)
            {
                continue;
            }

            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = rank + 1; r < m.Count; r++)
            {
                if (m[r][col].IsZero)
                {
                    continue;
                }

                var a = m[rank][col];
                var b = m[r][col];
                var row = new System.Numerics.BigInteger[m[r].Length];
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] = m[r][c] * a - m[rank][c] * b;
                }

                var g = row.Aggregate(System.Numerics.BigInteger.Zero, System.Numerics.BigInteger.GreatestCommonDivisor);
                m[r] = g.IsZero || g.IsOne ? row : [.. row.Select(v => v / g)];
            }

            rank++;
        }

        return rank;
    }
}

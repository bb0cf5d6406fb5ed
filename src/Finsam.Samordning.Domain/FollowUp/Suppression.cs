namespace Finsam.Samordning.Domain.FollowUp;

/// <summary>Whether a cell of a published table shows its value.</summary>
public enum CellStatus
{
    /// <summary>Shown.</summary>
    Published,
    /// <summary>Hidden because the count is below the threshold (printed "&lt;5").</summary>
    Primary,
    /// <summary>Hidden so that no total or difference reveals a primary cell (printed "..").</summary>
    Secondary,
}

/// <summary>
/// Small-count suppression of a two-way table of counts with its row totals, column totals and grand
/// total, as statistics offices do it. Primary: every cell (margins included) with 0 &lt; count &lt;
/// threshold. Secondary: while some hidden cell could be recomputed from what is published, hide the
/// cheapest further cells (smallest counts, never zeros) that close a cycle through it.
/// </summary>
/// <remarks>
/// Why cycles: with the table's totals published, the hidden cells are the unknowns of one linear
/// equation per row and per column (margins included). Seen as a graph whose nodes are the rows and
/// columns and whose edges are the hidden cells, a hidden cell is fixed by those equations exactly
/// when its edge lies on no cycle (a bridge); on a cycle, adding and subtracting one around it
/// changes no row or column sum. So the table is safe against totals and differences when the
/// hidden cells form a graph without bridges. Zeros are never used to close a cycle: a published
/// reader knows counts are not negative, and a cycle through a zero could only move one way.
/// </remarks>
public static class Suppression
{
    /// <summary>The statuses of every cell of <paramref name="grid"/>, which holds the inner counts plus a last column of row totals and a last row of column totals.</summary>
    /// <param name="grid">(rows + 1) × (columns + 1) counts; the last row and column are the totals.</param>
    /// <param name="threshold">Counts from 1 up to, not including, this are hidden.</param>
    public static CellStatus[,] Suppress(int[,] grid, int threshold)
    {
        var rows = grid.GetLength(0);
        var cols = grid.GetLength(1);
        var status = new CellStatus[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                status[r, c] = grid[r, c] > 0 && grid[r, c] < threshold ? CellStatus.Primary : CellStatus.Published;
            }
        }

        while (FindBridge(status) is { } bridge)
        {
            var path = CheapestDetour(grid, status, bridge);
            if (path is null)
            {
                // Nothing left to close a cycle with (only zeros): hide the whole table.
                for (var r = 0; r < rows; r++)
                {
                    for (var c = 0; c < cols; c++)
                    {
                        if (status[r, c] == CellStatus.Published)
                        {
                            status[r, c] = CellStatus.Secondary;
                        }
                    }
                }

                break;
            }

            if (path.Count == 0)
            {
                throw new InvalidOperationException("A bridge with a detour through hidden cells only: the bridge search is wrong.");
            }

            foreach (var (r, c) in path)
            {
                status[r, c] = CellStatus.Secondary;
            }
        }

        return status;
    }

    private static bool Hidden(CellStatus s) => s != CellStatus.Published;

    // Nodes: rows 0..R-1, then columns R..R+C-1. Edges: hidden cells. Tarjan's bridge search.
    private static (int Row, int Col)? FindBridge(CellStatus[,] status)
    {
        var rows = status.GetLength(0);
        var cols = status.GetLength(1);
        var n = rows + cols;
        var order = new int[n];
        var low = new int[n];
        Array.Fill(order, -1);
        var counter = 0;
        (int, int)? found = null;

        IEnumerable<int> Neighbours(int v)
        {
            if (v < rows)
            {
                for (var c = 0; c < cols; c++)
                {
                    if (Hidden(status[v, c]))
                    {
                        yield return rows + c;
                    }
                }
            }
            else
            {
                for (var r = 0; r < rows; r++)
                {
                    if (Hidden(status[r, v - rows]))
                    {
                        yield return r;
                    }
                }
            }
        }

        void Visit(int v, int parent)
        {
            order[v] = low[v] = counter++;
            foreach (var w in Neighbours(v))
            {
                if (found is not null)
                {
                    return;
                }

                if (order[w] == -1)
                {
                    Visit(w, v);
                    if (found is not null)
                    {
                        // Found deeper down: this frame's low values are incomplete, so stop without judging.
                        return;
                    }

                    low[v] = Math.Min(low[v], low[w]);
                    if (low[w] > order[v])
                    {
                        found = v < rows ? (v, w - rows) : (w, v - rows);
                    }
                }
                else if (w != parent)
                {
                    // The graph is simple (one edge per row and column pair), so skipping the parent skips only the edge we came by.
                    low[v] = Math.Min(low[v], order[w]);
                }
            }
        }

        for (var v = 0; v < n && found is null; v++)
        {
            if (order[v] == -1)
            {
                Visit(v, -1);
            }
        }

        return found;
    }

    // The cheapest path from the bridge's row to its column that does not use the bridge: hidden
    // cells cost nothing, published non-zero cells their count, zeros cannot be used. Returns the
    // published cells to hide, or null when there is no such path.
    private static List<(int Row, int Col)>? CheapestDetour(int[,] grid, CellStatus[,] status, (int Row, int Col) bridge)
    {
        var rows = grid.GetLength(0);
        var cols = grid.GetLength(1);
        var n = rows + cols;
        var dist = new long[n];
        var previous = new int[n];
        Array.Fill(dist, long.MaxValue);
        Array.Fill(previous, -1);
        var source = bridge.Row;
        var target = rows + bridge.Col;
        dist[source] = 0;
        var queue = new PriorityQueue<int, long>();
        queue.Enqueue(source, 0);
        while (queue.TryDequeue(out var v, out var d))
        {
            if (d > dist[v])
            {
                continue;
            }

            if (v == target)
            {
                break;
            }

            for (var w = v < rows ? rows : 0; w < (v < rows ? n : rows); w++)
            {
                var (r, c) = v < rows ? (v, w - rows) : (w, v - rows);
                if ((r, c) == bridge)
                {
                    continue;
                }

                long cost = Hidden(status[r, c]) ? 0 : grid[r, c] > 0 ? grid[r, c] : -1;
                if (cost < 0 || d + cost >= dist[w])
                {
                    continue;
                }

                dist[w] = d + cost;
                previous[w] = v;
                queue.Enqueue(w, dist[w]);
            }
        }

        if (dist[target] == long.MaxValue)
        {
            return null;
        }

        var cells = new List<(int, int)>();
        for (var w = target; previous[w] != -1; w = previous[w])
        {
            var v = previous[w];
            var (r, c) = v < rows ? (v, w - rows) : (w, v - rows);
            if (!Hidden(status[r, c]))
            {
                cells.Add((r, c));
            }
        }

        return cells;
    }
}

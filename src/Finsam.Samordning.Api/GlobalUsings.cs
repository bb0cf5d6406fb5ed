// The namespaces most slices and pipeline parts use, imported once for the project instead of at
// the top of some 40 files each. Only Domain and Infrastructure: a Features namespace is always named
// where it is used, so an arrow from Infrastructure into Features stays visible.
global using Finsam.Samordning.Api.Infrastructure;
global using Finsam.Samordning.Api.Infrastructure.Access;
global using Finsam.Samordning.Api.Infrastructure.Auth;
global using Finsam.Samordning.Api.Infrastructure.Errors;
global using Finsam.Samordning.Api.Infrastructure.Http;
global using Finsam.Samordning.Domain.Cases;
global using FluentValidation;
global using Marten;
global using MediatR;

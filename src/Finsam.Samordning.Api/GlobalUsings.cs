// The namespaces many slices and pipeline parts use, imported once for the project instead of at
// the top of up to 40 files each: Domain, Infrastructure and the storage libraries. Never a Features
// namespace: it is always named where it is used, so an arrow from Infrastructure into Features
// stays visible.
global using Finsam.Samordning.Api.Infrastructure;
global using Finsam.Samordning.Api.Infrastructure.Access;
global using Finsam.Samordning.Api.Infrastructure.Auth;
global using Finsam.Samordning.Api.Infrastructure.Errors;
global using Finsam.Samordning.Api.Infrastructure.Http;
global using Finsam.Samordning.Api.Infrastructure.Persistence;
global using Finsam.Samordning.Domain.Cases;
global using Finsam.Samordning.Domain.FollowUp;
global using Finsam.Samordning.Domain.Inbox;
global using Finsam.Samordning.Domain.Stalls;
global using FluentValidation;
global using JasperFx.Events;
global using Marten;
global using MediatR;
global using Microsoft.Extensions.Options;
global using Npgsql;

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cooperative.Api.Tests.Security;

/// <summary>
/// The exceptions the app logs, kept so that a test can say which one lies behind a 5xx: the answer itself
/// rightly says nothing but <c>internal_error</c>.
/// </summary>
internal sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>What was logged since the last call, newest last, or null.</summary>
    public string? Take()
    {
        var taken = new List<string>();
        while (_errors.TryDequeue(out var error)) taken.Add(error);
        return taken.Count == 0 ? null : string.Join("\n      ", taken);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerErrors errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is null || !IsEnabled(logLevel)) return;
            var frames = exception.StackTrace?.Split('\n').Select(f => f.Trim()).Where(f => f.Contains("Cooperative.", StringComparison.Ordinal)).Take(3);
            var inner = exception.GetBaseException();
            var cause = inner == exception ? "" : $" (caused by {inner.GetType().Name}: {inner.Message})";
            errors._errors.Enqueue($"{exception.GetType().Name}: {exception.Message}{cause} {string.Join(" ", frames ?? [])}");
        }
    }
}

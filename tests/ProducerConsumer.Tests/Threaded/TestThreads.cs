namespace ProducerConsumer.Tests.Threaded;

/// <summary>Starts real threads for tests and exposes their end as a task, so a test can await it with a timeout.</summary>
internal static class TestThreads
{
    /// <summary>The longest a test waits for a thread or a condition before it fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="action"/> on a new background thread. The task ends when the action returns or throws.</summary>
    public static Task Start(string name, Action action) =>
        Start(name, () =>
        {
            action();
            return true;
        });

    /// <summary>Runs <paramref name="function"/> on a new background thread. The task ends with its result or exception.</summary>
    public static Task<T> Start<T>(string name, Func<T> function)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                completion.SetResult(function());
            }
            catch (Exception error)
            {
                completion.SetException(error);
            }
        })
        {
            Name = name,
            IsBackground = true,
        };

        thread.Start();
        return completion.Task;
    }

    /// <summary>Fails the test unless <paramref name="condition"/> becomes true within <see cref="Timeout"/>.</summary>
    public static void WaitUntil(Func<bool> condition, string expectation)
    {
        Assert.True(SpinWait.SpinUntil(condition, Timeout), $"Timed out after {Timeout.TotalSeconds} s waiting until {expectation}.");
    }
}

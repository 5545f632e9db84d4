using ProducerConsumer.Workloads;

namespace ProducerConsumer.Tests.Workloads;

public sealed class DeliveryLedgerTests
{
    [Fact]
    public void Ledger_AllOnceInOrder_IsExactlyOnce()
    {
        var ledger = new DeliveryLedger();
        for (var i = 0; i < 1000; i++)
        {
            ledger.Record(i);
        }

        var check = ledger.Check(produced: 1000);

        Assert.True(check.ExactlyOnce);
        Assert.True(check.InOrder);
        Assert.Equal(1000, check.Consumed);
    }

    [Fact]
    public void Ledger_MissingItem_CountsLost()
    {
        var ledger = new DeliveryLedger();
        ledger.Record(0);
        ledger.Record(2);

        var check = ledger.Check(produced: 3);

        Assert.Equal(1, check.Lost);
        Assert.Equal(0, check.Duplicated);
        Assert.False(check.InOrder);
    }

    [Fact]
    public void Ledger_RepeatedItem_CountsDuplicate()
    {
        var ledger = new DeliveryLedger();
        ledger.Record(0);
        ledger.Record(1);
        ledger.Record(1);

        var check = ledger.Check(produced: 2);

        Assert.Equal(0, check.Lost);
        Assert.Equal(1, check.Duplicated);
        Assert.Equal(3, check.Consumed);
    }

    [Fact]
    public void Ledger_SequencesBeyondFirstChunks_AreRecorded()
    {
        // Sequence numbers far apart force the chunk table to grow while other chunks already exist.
        var ledger = new DeliveryLedger();
        long[] sequences = [0, 5_000_000, 40_000_000, 1_048_575, 1_048_576];
        foreach (var sequence in sequences)
        {
            ledger.Record(sequence);
        }

        Assert.Equal(sequences.Length, ledger.Recorded);
        Assert.Equal(0, ledger.Duplicates);
    }

    [Fact]
    public async Task Ledger_ConcurrentRecords_LoseNothing()
    {
        var ledger = new DeliveryLedger();
        const int PerWriter = 200_000;

        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                ledger.Record((long)i * 4 + writer);
            }
        }));
        await Task.WhenAll(writers);

        var check = ledger.Check(produced: 4 * PerWriter);
        Assert.Equal(0, check.Lost);
        Assert.Equal(0, check.Duplicated);
    }
}

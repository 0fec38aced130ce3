// The tests start real server processes with hundreds of sockets; run them one at a time so each
// has the machine to itself, and the test that reads every log last (see LastOrderer).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer(typeof(OpenClosedDebate.Hardening.Tests.LastOrderer))]

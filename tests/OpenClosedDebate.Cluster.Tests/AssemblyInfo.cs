// Each test starts several real server processes and a PostgreSQL database of its own; one test at a time, so each
// has the machine to itself.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: AssemblyFixture(typeof(OpenClosedDebate.TestKit.PostgresFixture))]

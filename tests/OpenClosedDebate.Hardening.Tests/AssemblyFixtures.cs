[assembly: AssemblyFixture(typeof(OpenClosedDebate.TestKit.PostgresFixture))]

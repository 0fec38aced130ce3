using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenClosedDebate.Server.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The tables Orleans' ADO.NET clustering keeps the cluster's members in (docs/cluster.md), on PostgreSQL only: a
    /// single server on SQLite never clusters. Orleans reads the text of each query it runs from OrleansQuery, by key;
    /// it reads results by column name and passes parameters by name, so those names are its, and the rest is ours.
    /// Every change to the member list moves the cluster's version on by one, and only from the version the node read.
    /// </summary>
    public partial class ClusterMembership : Migration
    {
        private const string Schema = """
            CREATE TABLE OrleansQuery (
                QueryKey varchar(64) PRIMARY KEY,
                QueryText varchar(8000) NOT NULL
            );

            CREATE TABLE ClusterVersions (
                DeploymentId varchar(150) PRIMARY KEY,
                Timestamp timestamptz(3) NOT NULL DEFAULT now(),
                Version integer NOT NULL DEFAULT 0
            );

            CREATE TABLE ClusterMembers (
                DeploymentId varchar(150) NOT NULL REFERENCES ClusterVersions (DeploymentId),
                Address varchar(45) NOT NULL,
                Port integer NOT NULL,
                Generation integer NOT NULL,
                SiloName varchar(150) NOT NULL,
                HostName varchar(150) NOT NULL,
                Status integer NOT NULL,
                ProxyPort integer NULL,
                SuspectTimes varchar(8000) NULL,
                StartTime timestamptz(3) NOT NULL,
                IAmAliveTime timestamptz(3) NOT NULL,
                PRIMARY KEY (DeploymentId, Address, Port, Generation)
            );

            -- 1 if the cluster's version row was made now, 0 if it was there already.
            CREATE FUNCTION cluster_add_version(p_deployment text) RETURNS integer LANGUAGE sql AS $$
                WITH made AS (
                    INSERT INTO ClusterVersions (DeploymentId) VALUES (p_deployment)
                    ON CONFLICT (DeploymentId) DO NOTHING
                    RETURNING 1)
                SELECT count(*)::integer FROM made;
            $$;

            -- Adds a member if the cluster is still at the version the node read: 1 if it was added, else 0 and nothing changed.
            -- The version row is locked first, so of two nodes that read the same version only the first changes anything.
            CREATE FUNCTION cluster_add_member(
                p_deployment text, p_address text, p_port integer, p_generation integer, p_silo_name text, p_host_name text,
                p_status integer, p_proxy_port integer, p_start_time timestamptz, p_alive_time timestamptz, p_version integer)
            RETURNS integer LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM 1 FROM ClusterVersions WHERE DeploymentId = p_deployment AND Version = p_version FOR UPDATE;
                IF NOT FOUND THEN
                    RETURN 0;
                END IF;

                INSERT INTO ClusterMembers (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
                VALUES (p_deployment, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start_time, p_alive_time)
                ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
                IF NOT FOUND THEN
                    RETURN 0;
                END IF;

                UPDATE ClusterVersions SET Version = Version + 1, Timestamp = now() WHERE DeploymentId = p_deployment;
                RETURN 1;
            END;
            $$;

            -- Changes a member's status and suspicions on the same terms.
            CREATE FUNCTION cluster_change_member(
                p_deployment text, p_address text, p_port integer, p_generation integer,
                p_status integer, p_suspect_times text, p_alive_time timestamptz, p_version integer)
            RETURNS integer LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM 1 FROM ClusterVersions WHERE DeploymentId = p_deployment AND Version = p_version FOR UPDATE;
                IF NOT FOUND THEN
                    RETURN 0;
                END IF;

                UPDATE ClusterMembers SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_alive_time
                WHERE DeploymentId = p_deployment AND Address = p_address AND Port = p_port AND Generation = p_generation;
                IF NOT FOUND THEN
                    RETURN 0;
                END IF;

                UPDATE ClusterVersions SET Version = Version + 1, Timestamp = now() WHERE DeploymentId = p_deployment;
                RETURN 1;
            END;
            $$;

            INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
            ('InsertMembershipVersionKey', 'SELECT cluster_add_version(@DeploymentId);'),
            ('InsertMembershipKey', 'SELECT cluster_add_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);'),
            ('UpdateMembershipKey', 'SELECT cluster_change_member(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version);'),
            ('UpdateIAmAlivetimeKey', 'UPDATE ClusterMembers SET IAmAliveTime = @IAmAliveTime
                WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;'),
            ('MembershipReadRowKey', 'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
                    m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
                FROM ClusterVersions v
                LEFT JOIN ClusterMembers m ON m.DeploymentId = v.DeploymentId
                    AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
                WHERE v.DeploymentId = @DeploymentId;'),
            ('MembershipReadAllKey', 'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
                    m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
                FROM ClusterVersions v
                LEFT JOIN ClusterMembers m ON m.DeploymentId = v.DeploymentId
                WHERE v.DeploymentId = @DeploymentId;'),
            ('GatewaysQueryKey', 'SELECT Address, ProxyPort, Generation FROM ClusterMembers
                WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;'),
            ('DeleteMembershipTableEntriesKey', 'DELETE FROM ClusterMembers WHERE DeploymentId = @DeploymentId;
                DELETE FROM ClusterVersions WHERE DeploymentId = @DeploymentId;'),
            -- Status 3 is an active member, which is never cleaned up however long ago it last said it was alive.
            ('CleanupDefunctSiloEntriesKey', 'DELETE FROM ClusterMembers
                WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;');
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Schema);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            DROP FUNCTION cluster_change_member;
            DROP FUNCTION cluster_add_member;
            DROP FUNCTION cluster_add_version;
            DROP TABLE ClusterMembers;
            DROP TABLE ClusterVersions;
            DROP TABLE OrleansQuery;
            """);
    }
}

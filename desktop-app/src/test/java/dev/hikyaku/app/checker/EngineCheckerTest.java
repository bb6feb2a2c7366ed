package dev.hikyaku.app.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.route.RecipientDomain;
import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCheckerTest {
    private static LoopbackWorld world;

    @TempDir
    Path data;

    @BeforeAll
    static void startWorld() throws Exception {
        world = new LoopbackWorld();
    }

    @AfterAll
    static void stopWorld() throws Exception {
        world.close();
    }

    @Test
    void theUsersConfigurationPointsTheEngineAndItKeepsVerdictsInTheGatewaysCache() throws Exception {
        Path gatewayData = data.resolve("elsewhere");
        Files.writeString(data.resolve("gateway.conf"), "dns.server = 127.0.0.1:" + world.dns.port()
                + "\ndata.directory = " + gatewayData.toString().replace('\\', '/') + "\n", StandardCharsets.UTF_8);
        try (EngineChecker checker = EngineChecker.forDataDirectory(data, Clock.systemUTC())) {
            DomainReport report = checker.check(RecipientDomain.parse("typo.test"), true).get(30, TimeUnit.SECONDS);
            assertEquals("typo.test", report.domain());
            assertTrue(Files.exists(gatewayData.resolve("verdicts.db")), "the gateway's verdict cache is shared");
        }
    }

    @Test
    void theEngineOfTheLoopbackWorldJudgesItsDomains() throws Exception {
        try (EngineChecker checker = world.checker()) {
            assertEquals(Level.NO_MAIL, checker.check(RecipientDomain.parse("typo.test"), false)
                    .get(30, TimeUnit.SECONDS).verdict().level());
            assertEquals(Level.PLAINTEXT, checker.check(RecipientDomain.parse("clear.test"), false)
                    .get(30, TimeUnit.SECONDS).verdict().level());
        }
    }

    @Test
    void aMistakeInTheConfigurationFailsTheCheckWithTheNamedError() throws Exception {
        Files.writeString(data.resolve("gateway.conf"), "dns.server = nowhere:xx\n", StandardCharsets.UTF_8);
        try (EngineChecker checker = EngineChecker.forDataDirectory(data, Clock.systemUTC())) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> checker.check(RecipientDomain.parse("typo.test"), false).get(30, TimeUnit.SECONDS));
            ConfigException problem = assertInstanceOf(ConfigException.class, failed.getCause());
            assertTrue(problem.getMessage().contains("dns.server"), problem.getMessage());
        }
    }
}

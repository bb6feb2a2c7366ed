package dev.hikyaku.gateway.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.route.AdvisorEngine;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.advisor.store.MemoryVerdictStore;
import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.verdicts.VerdictBook;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plans over real verdicts from the loopback world: DANE, plain TLS, no STARTTLS, a domain that takes no mail. */
class PlannerTest {
    private static final Set<String> INTERNAL = Set.of("office.test");

    private static FixtureCa ca;
    private static DnsWorld dns;
    private static MxGroup mx;
    private static AdvisorEngine engine;
    private static VerdictBook verdicts;

    @BeforeAll
    static void world() throws Exception {
        ca = FixtureCa.create();
        dns = DnsWorld.start();
        Issued certificate = ca.server("mx.secure.test", "mx.tls.test", "mx.office.test");
        mx = MxGroup.start(List.of(MxBehaviour.startTls(certificate), MxBehaviour.plain()));
        String tls = MxGroup.addressOf(0).getHostAddress();
        String plain = MxGroup.addressOf(1).getHostAddress();
        String pin = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(certificate.certificate().getPublicKey().getEncoded()));
        dns.signedZone("secure.test").add("@ MX 10 mx").add("mx A " + tls).add("_25._tcp.mx TLSA 3 1 1 " + pin);
        for (String domain : List.of("tls.test", "office.test", "sub.partner.test")) {
            dns.zone(domain).add("@ MX 10 mx").add("mx A " + tls);
        }
        for (int i = 0; i < 6; i++) {
            dns.zone("d" + i + ".test").add("@ MX 10 mx").add("mx A " + tls);
        }
        dns.zone("plain.test").add("@ MX 10 mx").add("mx A " + plain);
        dns.zone("typo.test").add("@ MX 0 .");
        EngineSettings settings = new EngineSettings(dns.address(), TrustAnchors.fromText(dns.trustAnchors()),
                TrustedCas.systemPlus(List.of(ca.root())), mx.port(), 443, Duration.ofSeconds(3), "gateway.test");
        engine = new AdvisorEngine(settings, new MemoryVerdictStore(), Clock.systemUTC());
        verdicts = new VerdictBook(engine.advisor());
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
        mx.close();
        dns.close();
    }

    private static SendPlan plan(PackagingPolicy policy, String... recipients) throws Exception {
        Planner planner = new Planner(verdicts, policy, INTERNAL::contains, address -> false, Clock.systemUTC());
        return planner.plan("m1", List.of(recipients)).get(60, TimeUnit.SECONDS);
    }

    @Test
    void recipientsAreGroupedByInternalDomainAndVerdictEachWithItsDefaultAction() throws Exception {
        SendPlan plan = plan(PackagingPolicy.defaults(), "hanako@plain.test", "a@office.test", "b@secure.test",
                "c@tls.test", "jiro@plain.test", "f@typo.test");
        List<RecipientGroup> groups = plan.groups();
        assertEquals(5, groups.size(), groups.toString());

        RecipientGroup office = groups.get(0);
        assertTrue(office.internal(), "internal groups come first");
        assertEquals(new GroupAction.AsIs(), office.action());

        assertEquals(Level.AUTHENTICATED, plan.groupOf("b@secure.test").level());
        assertEquals(new GroupAction.AsIs(), plan.groupOf("b@secure.test").action());
        assertEquals(Level.ENCRYPTED, plan.groupOf("c@tls.test").level());
        assertEquals(new GroupAction.AsIs(), plan.groupOf("c@tls.test").action());

        RecipientGroup plain = plan.groupOf("hanako@plain.test");
        assertEquals(Level.PLAINTEXT, plain.level());
        assertEquals(List.of("hanako@plain.test", "jiro@plain.test"), plain.recipients(), "one copy per group");
        assertEquals(new GroupAction.AesZip(GroupAction.Passphrase.AGREED_OR_FRESH), plain.action());
        assertTrue(plain.report().isPresent(), "the evidence travels with the plan");

        RecipientGroup typo = plan.groupOf("f@typo.test");
        assertEquals(Level.NO_MAIL, typo.level());
        assertEquals(new GroupAction.HoldForSender(), typo.action());
    }

    @Test
    void theSenderMayOnlyChooseSomethingAtLeastAsProtective() throws Exception {
        SendPlan plan = plan(PackagingPolicy.defaults(), "hanako@plain.test", "c@tls.test");
        int plain = plan.groups().indexOf(plan.groupOf("hanako@plain.test"));
        List<GroupAction> choices = plan.groups().get(plain).choices();
        assertFalse(choices.contains(new GroupAction.AsIs()));
        assertFalse(choices.contains(new GroupAction.PlainZip()));
        assertFalse(choices.contains(new GroupAction.SmimeEncrypt()), "no certificate, no S/MIME");
        assertTrue(choices.contains(new GroupAction.Refuse()));
        assertThrows(PlanChangeRefusedException.class, () -> plan.withAction(plain, new GroupAction.AsIs()));
        assertEquals(new GroupAction.HoldForSender(),
                plan.withAction(plain, new GroupAction.HoldForSender()).groups().get(plain).action());

        int tls = plan.groups().indexOf(plan.groupOf("c@tls.test"));
        assertEquals(new GroupAction.PlainZip(), plan.withAction(tls, new GroupAction.PlainZip()).groups().get(tls).action());
    }

    @Test
    void addressAndDomainSettingsWinOverTheVerdictAndSplitGroups() throws Exception {
        PackagingPolicy defaults = PackagingPolicy.defaults();
        PackagingPolicy policy = new PackagingPolicy(defaults.byLevel(),
                Map.of("partner.test", new GroupAction.PlainZip()),
                Map.of("boss@plain.test", new GroupAction.Refuse()), true);
        SendPlan plan = plan(policy, "hanako@plain.test", "boss@plain.test", "x@sub.partner.test");
        assertEquals(new GroupAction.Refuse(), plan.groupOf("boss@plain.test").action());
        assertEquals(List.of("hanako@plain.test"), plan.groupOf("hanako@plain.test").recipients());
        assertEquals(new GroupAction.PlainZip(), plan.groupOf("x@sub.partner.test").action(),
                "a domain's setting covers its subdomains");
    }

    @Test
    void knownCertificatesMakeSmimeTheDefaultAndAChoice() throws Exception {
        Planner planner = new Planner(verdicts, PackagingPolicy.defaults(), INTERNAL::contains,
                address -> address.startsWith("cert"), Clock.systemUTC());
        SendPlan plan = planner.plan("m2", List.of("cert@plain.test", "nocert@plain.test")).get(60, TimeUnit.SECONDS);
        assertEquals(new GroupAction.SmimeEncrypt(), plan.groupOf("cert@plain.test").action());
        assertTrue(plan.groupOf("cert@plain.test").smimeReady());
        assertEquals(2, plan.groups().size(), "readiness splits the domain");
    }

    @Test
    void thirtyRecipientsOverTenDomainsMakeOnePlanWithOneGroupPerRoute() throws Exception {
        List<String> recipients = new ArrayList<>();
        List<String> domains = List.of("d0.test", "d1.test", "d2.test", "d3.test", "d4.test", "d5.test",
                "tls.test", "secure.test", "plain.test", "office.test");
        for (int i = 0; i < 30; i++) {
            recipients.add("user" + i + "@" + domains.get(i % domains.size()));
        }
        SendPlan plan = plan(PackagingPolicy.defaults(), recipients.toArray(String[]::new));
        assertEquals(10, plan.groups().size());
        assertEquals(30, plan.groups().stream().mapToInt(group -> group.recipients().size()).sum());
    }
}

package dev.hikyaku.smime.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hikyaku.smime.request.EmailAddress;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.RequestedSmimeSpec;
import dev.hikyaku.testworld.ca.Validity;
import java.security.KeyPair;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each S/MIME Baseline Requirements check, failing alone on a certificate the fixture CA got wrong on purpose. */
class BaselineValidatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String ALICE = "alice@example.test";
    private static final EmailAddress ACCOUNT = EmailAddress.parse(ALICE);

    private final FixtureCa ca = FixtureCa.create(CLOCK);
    private final BaselineValidator validator = new BaselineValidator(Set.of(new TrustAnchor(ca.root(), null)), CLOCK);

    @Test
    void certificatesAsPublicCasIssueThemPassEveryCheck() {
        for (Defect keyOf : List.of(Defect.EXPIRED, Defect.EC_CANNOT_ENCRYPT)) {
            KeyPair key = keyOf.keyPair();
            List<X509Certificate> chain = ca.issue(key.getPublic(), ca.requestedSpec(ALICE, key.getPublic()));

            assertEquals(List.of(), validator.validate(chain, ACCOUNT, Issuer.PUBLIC_CA), key.getPublic().getAlgorithm());
        }
    }

    @ParameterizedTest
    @EnumSource(Defect.class)
    void eachDefectIsCaughtByItsOwnCheckAndExplainedInBothLanguages(Defect defect) {
        KeyPair key = defect.keyPair();
        FixtureCa issuer = defect.untrustedIssuer() ? FixtureCa.create(CLOCK) : ca;
        List<X509Certificate> chain = issuer.issue(key.getPublic(),
                defect.apply(issuer.requestedSpec(ALICE, key.getPublic()), CLOCK));

        List<BaselineProblem> problems = validator.validate(chain, ACCOUNT, Issuer.PUBLIC_CA);

        assertEquals(List.of(defect.check()), problems.stream().map(BaselineProblem::check).toList());
        BaselineProblem problem = problems.get(0);
        assertEquals(defect.severity(), problem.severity());
        assertEquals(defect.check().messageKey(), problem.notice().key());
        assertNotEquals(problem.notice().text(Locale.ENGLISH), problem.notice().text(Locale.JAPANESE));
    }

    @Test
    void everyCheckHasADefectThatShowsIt() {
        Set<BaselineCheck> shown = EnumSet.noneOf(BaselineCheck.class);
        for (Defect defect : Defect.values()) {
            shown.add(defect.check());
        }
        assertEquals(EnumSet.allOf(BaselineCheck.class), shown);
    }

    @Test
    void aCompanyCaNeedsNoBaselinePolicyOrShortValidityButTheRestStillCounts() {
        KeyPair key = Defect.EXPIRED.keyPair();
        RequestedSmimeSpec internal = ca.requestedSpec(ALICE, key.getPublic()).withPolicies()
                .withValidity(Validity.current(CLOCK, Duration.ofDays(1800)));
        List<X509Certificate> chain = ca.issue(key.getPublic(), internal);

        List<BaselineProblem> problems = validator.validate(chain, ACCOUNT, Issuer.PRIVATE_CA);

        assertEquals(List.of(BaselineCheck.POLICY_ABSENT, BaselineCheck.VALIDITY_TOO_LONG),
                problems.stream().map(BaselineProblem::check).toList());
        assertEquals(Set.of(Severity.WARNING), Set.copyOf(problems.stream().map(BaselineProblem::severity).toList()));
        assertEquals(List.of(BaselineCheck.SAN_OTHER_ADDRESS), validator.validate(
                ca.issue(key.getPublic(), ca.requestedSpec(ALICE, key.getPublic()).withSanEmails("bob@example.test")),
                ACCOUNT, Issuer.PRIVATE_CA).stream().map(BaselineProblem::check).toList());
    }

    @Test
    void legacyGenerationCertificatesMayLastLonger() {
        KeyPair key = Defect.EXPIRED.keyPair();
        RequestedSmimeSpec legacy = ca.requestedSpec(ALICE, key.getPublic()).withPolicies("2.23.140.1.5.1.1")
                .withValidity(Validity.current(CLOCK, Duration.ofDays(1000)));

        assertEquals(List.of(), validator.validate(ca.issue(key.getPublic(), legacy), ACCOUNT, Issuer.PUBLIC_CA));
        assertEquals(List.of(BaselineCheck.VALIDITY_TOO_LONG), validator.validate(
                ca.issue(key.getPublic(), legacy.withValidity(Validity.current(CLOCK, Duration.ofDays(1186)))),
                ACCOUNT, Issuer.PUBLIC_CA).stream().map(BaselineProblem::check).toList());
    }
}

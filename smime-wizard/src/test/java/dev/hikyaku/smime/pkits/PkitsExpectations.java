package dev.hikyaku.smime.pkits;

import java.util.Map;
import java.util.Optional;

/**
 * What the verifier should say of each PKITS message under the default inputs (initial-policy-set any-policy, no
 * explicit policy, policy mapping and any-policy allowed), and where and why that deliberately differs from PKITS.
 */
final class PkitsExpectations {
    /** An expected verdict; {@code why} explains a difference from the PKITS result, empty when there is none. */
    record Expectation(Verdict verdict, Optional<String> why) {
    }

    private static final String SOFT_FAIL = "revocation status undetermined (PKITS: invalid) is reported as not "
            + "checked, not fatal, by design: Finding.REVOCATION_NOT_CHECKED";

    // Messages whose names do not say Valid or Invalid: PKITS results for the default inputs (sections 4.4, 4.8, 4.12).
    private static final Map<String, Boolean> UNNAMED = Map.ofEntries(
            Map.entry("SignedMissingCRLTest1", false),                  // 4.4.1: status undetermined
            Map.entry("SignedAllCertificatesSamePolicyTest1", true),    // 4.8.1
            Map.entry("SignedAllCertificatesNoPoliciesTest2", true),    // 4.8.2
            Map.entry("SignedDifferentPoliciesTest3", true),            // 4.8.3
            Map.entry("SignedDifferentPoliciesTest4", false),           // 4.8.4
            Map.entry("SignedDifferentPoliciesTest5", false),           // 4.8.5
            Map.entry("SignedOverlappingPoliciesTest6", true),          // 4.8.6
            Map.entry("SignedDifferentPoliciesTest7", false),           // 4.8.7
            Map.entry("SignedDifferentPoliciesTest8", false),           // 4.8.8
            Map.entry("SignedDifferentPoliciesTest9", false),           // 4.8.9
            Map.entry("SignedAllCertificatesSamePoliciesTest10", true), // 4.8.10
            Map.entry("SignedAllCertificatesAnyPolicyTest11", true),    // 4.8.11
            Map.entry("SignedDifferentPoliciesTest12", false),          // 4.8.12
            Map.entry("SignedAllCertificatesSamePoliciesTest13", true), // 4.8.13
            Map.entry("SignedAnyPolicyTest14", true),                   // 4.8.14
            Map.entry("SignedUserNoticeQualifierTest15", true),         // 4.8.15
            Map.entry("SignedUserNoticeQualifierTest16", true),         // 4.8.16
            Map.entry("SignedUserNoticeQualifierTest17", true),         // 4.8.17
            Map.entry("SignedUserNoticeQualifierTest18", true),         // 4.8.18
            Map.entry("SignedUserNoticeQualifierTest19", true),         // 4.8.19
            Map.entry("SignedCPSPointerQualifierTest20", true),         // 4.8.20
            Map.entry("SignedinhibitAnyPolicyTest3", true));            // 4.12.3

    // Where the verifier, with the offline CRL source, deliberately says something else than PKITS.
    private static final Map<String, Expectation> DIFFERENT = Map.ofEntries(
            soft("SignedMissingCRLTest1"),
            soft("SignedInvalidBadCRLSignatureTest4"),
            soft("SignedInvalidBadCRLIssuerNameTest5"),
            soft("SignedInvalidWrongCRLTest6"),
            soft("SignedInvalidUnknownCRLEntryExtensionTest8"),
            soft("SignedInvalidUnknownCRLExtensionTest9"),
            soft("SignedInvalidUnknownCRLExtensionTest10"),
            soft("SignedInvalidOldCRLnextUpdateTest11"),
            soft("SignedInvalidpre2000CRLnextUpdateTest12"),
            soft("SignedInvalidSeparateCertificateandCRLKeysTest21"),
            soft("SignedInvalidkeyUsageCriticalcRLSignFalseTest4"),
            soft("SignedInvalidkeyUsageNotCriticalcRLSignFalseTest5"),
            soft("SignedInvaliddistributionPointTest3"),
            soft("SignedInvaliddistributionPointTest8"),
            soft("SignedInvaliddistributionPointTest9"),
            soft("SignedInvalidonlyContainsUserCertsCRLTest11"),
            soft("SignedInvalidonlyContainsCACertsCRLTest12"),
            soft("SignedInvalidonlyContainsAttributeCertsTest14"),
            soft("SignedInvalidonlySomeReasonsTest17"),
            soft("SignedInvalidIDPwithindirectCRLTest26"),
            soft("SignedInvalidcRLIssuerTest27"),
            soft("SignedInvalidcRLIssuerTest35"),
            soft("SignedInvaliddeltaCRLIndicatorNoBaseTest1"),
            soft("SignedInvaliddeltaCRLTest10"),
            Map.entry("SignedValidDSAParameterInheritanceTest5", new Expectation(Verdict.TRUSTED_REVOCATION_UNKNOWN,
                    Optional.of("the JDK's CRL processing in the test's CRL source cannot verify a CRL with an issuer "
                            + "key that inherits its DSA parameters; the signature itself verifies"))));

    /** Messages not run, with the reason: they test the CRL source, which here is the JDK and not ours. */
    static final Map<String, String> NOT_APPLICABLE = Map.of(
            "SignedInvaliddeltaCRLTest4", "4.15.4: revoked only on a delta CRL; the JDK's CRL processing ignores "
                    + "delta CRLs, and delta CRLs are the revocation source's business, not the verifier's",
            "SignedValiddeltaCRLTest5", "4.15.5: on hold on the base CRL, removed on the delta CRL; as 4.15.4");

    private PkitsExpectations() {
    }

    /** The expected verdict for the message file name (without .eml); empty when the name is not a PKITS test. */
    static Optional<Expectation> of(String name) {
        if (DIFFERENT.containsKey(name)) {
            return Optional.of(DIFFERENT.get(name));
        }
        Optional<Boolean> valid = name.startsWith("SignedValid") ? Optional.of(true)
                : name.startsWith("SignedInvalid") ? Optional.of(false)
                : Optional.ofNullable(UNNAMED.get(name));
        return valid.map(ok -> new Expectation(ok ? Verdict.TRUSTED : Verdict.UNTRUSTED, Optional.empty()));
    }

    private static Map.Entry<String, Expectation> soft(String name) {
        return Map.entry(name, new Expectation(Verdict.TRUSTED_REVOCATION_UNKNOWN, Optional.of(SOFT_FAIL)));
    }
}

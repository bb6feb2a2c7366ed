package dev.hikyaku.gateway.delivery;

import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.AuthOutcome;

/** Why a connection to the upstream could not be opened and authenticated. */
sealed interface ConnectFailure {

    /** What the mail client is told when its AUTH was replayed upstream. */
    AuthOutcome authOutcome();

    /** What a delivery that needed this connection becomes. */
    RecipientOutcome.Deferred deferral(String host);

    /** The upstream answered AUTH with a failure. */
    record AuthRefused(UpstreamReply reply) implements ConnectFailure {

        @Override
        public AuthOutcome authOutcome() {
            // A challenge where a verdict was due (XOAUTH2 servers put their error there) is still a refusal.
            boolean failureCode = reply.transientFailure() || reply.permanentFailure();
            return new AuthOutcome.Refused(failureCode ? reply.code() : 535, failureCode ? reply.enhanced() : "5.7.8",
                    reply.text());
        }

        @Override
        public RecipientOutcome.Deferred deferral(String host) {
            // A temporary AUTH failure (454) passes by itself; anything else needs the user.
            return new RecipientOutcome.Deferred(UpstreamProblem.of("delivery.authRefused", host, reply.line()),
                    !reply.transientFailure());
        }
    }

    /** The upstream offers AUTH, but not with the mechanism the credentials are for. */
    record MechanismMissing(AuthMechanism mechanism) implements ConnectFailure {

        @Override
        public AuthOutcome authOutcome() {
            return new AuthOutcome.Refused(504, "5.5.4", "The upstream server does not offer AUTH " + mechanism.name());
        }

        @Override
        public RecipientOutcome.Deferred deferral(String host) {
            return new RecipientOutcome.Deferred(
                    UpstreamProblem.of("delivery.mechanismNotOffered", host, mechanism.name()), true);
        }
    }

    /** The upstream could not be reached or spoken to safely: network, TLS, greeting, no STARTTLS. */
    record Unreachable(UpstreamProblem problem) implements ConnectFailure {

        @Override
        public AuthOutcome authOutcome() {
            return new AuthOutcome.Unavailable(problem.english());
        }

        @Override
        public RecipientOutcome.Deferred deferral(String host) {
            return new RecipientOutcome.Deferred(problem, false);
        }
    }
}

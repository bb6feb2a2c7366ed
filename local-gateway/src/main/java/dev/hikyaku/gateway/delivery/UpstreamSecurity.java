package dev.hikyaku.gateway.delivery;

/** STUB until the delivery package lands. */
public enum UpstreamSecurity { STARTTLS_REQUIRED, IMPLICIT_TLS, NONE }

package dev.hikyaku.gateway.auth;

/** The SASL mechanisms the gateway accepts from mail clients and replays upstream. */
public enum AuthMechanism {
    PLAIN,
    LOGIN,
    XOAUTH2
}

package vn.egov.backbone.notifications.outbox.api;

/** How a message travels: e-mail (SMTP), SMS (an HTTP gateway), Zalo ZNS (an approved template, SMS as the fallback). */
public enum Channel { EMAIL, SMS, ZALO }

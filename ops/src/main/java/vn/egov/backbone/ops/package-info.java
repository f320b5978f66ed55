/**
 * The runnable application: wiring of the modules, security (sign-in, throttling, sessions, browser
 * policies), the web shell, health, administration, the first start and the province's seed.
 */
package vn.egov.backbone.ops;

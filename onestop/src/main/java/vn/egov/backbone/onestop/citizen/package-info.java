/**
 * Citizens' sign-in with the national identity (VNeID) through OpenID Connect: authorization code with
 * PKCE, the ID token checked by Spring Security (signature against the provider's keys, issuer, audience,
 * expiry, nonce), the identity number and name read from claims named in configuration.
 */
package vn.egov.backbone.onestop.citizen;

/**
 * Meetings (họp không giấy and province-to-commune video conferences): scheduling, invitations, agenda,
 * documents, check-in, the floor, votes, minutes and conclusion notices, and the Jitsi side (join
 * tokens, prosody's callbacks, Jibri recording).
 */
package vn.egov.backbone.meetings;

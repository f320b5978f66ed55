/**
 * Core domain: the province's administrative tree (units: province, agencies, communes, departments),
 * officials with their roles per unit and clearance, identity (sign-in, API tokens, authorisation),
 * who acts for which unit in every event, the event store and its processors, and what every module
 * shares (errors, commands, dates, settings). Every other module stands on it; it knows none of them.
 */
package vn.egov.backbone.core;

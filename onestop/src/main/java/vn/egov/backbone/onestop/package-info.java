/**
 * The one-stop desk (một cửa): the procedure catalogue, citizens' dossiers from reception to the
 * result, the working-day calendar, and the service KPIs the province is ranked on.
 */
package vn.egov.backbone.onestop;

package vn.egov.backbone.core.unit.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a unit is. Administrative units (province, district, commune, ward, special zone) form the
 * territorial tree; organisations (people's committee, agency, department) sit inside them.
 */
public enum UnitKind {
    PROVINCE(true),
    /** Abolished on 1 July 2025; kept so that historical records keep their place in the tree. */
    DISTRICT(true),
    COMMUNE(true),
    WARD(true),
    SPECIAL_ZONE(true),
    PEOPLES_COMMITTEE(false),
    AGENCY(false),
    DEPARTMENT(false);

    private final boolean administrative;

    UnitKind(boolean administrative) {
        this.administrative = administrative;
    }

    public boolean administrative() {
        return administrative;
    }

    /** Kinds of unit this kind may sit under; an empty set means it is a root of the tree. */
    public Set<UnitKind> allowedParents() {
        return switch (this) {
            case PROVINCE -> EnumSet.noneOf(UnitKind.class);
            case DISTRICT -> EnumSet.of(PROVINCE);
            case COMMUNE, WARD, SPECIAL_ZONE -> EnumSet.of(PROVINCE, DISTRICT);
            case PEOPLES_COMMITTEE, AGENCY -> EnumSet.of(PROVINCE, DISTRICT, COMMUNE, WARD, SPECIAL_ZONE, PEOPLES_COMMITTEE);
            case DEPARTMENT -> EnumSet.of(PEOPLES_COMMITTEE, AGENCY, DEPARTMENT);
        };
    }

    /** Communes, wards and special zones are interchangeable when merging (a ward and a commune may form a ward). */
    public boolean mergeableWith(UnitKind other) {
        if (this == other) {
            return true;
        }
        Set<UnitKind> communeLevel = EnumSet.of(COMMUNE, WARD, SPECIAL_ZONE);
        Set<UnitKind> organisations = EnumSet.of(PEOPLES_COMMITTEE, AGENCY, DEPARTMENT);
        return (communeLevel.contains(this) && communeLevel.contains(other))
                || (organisations.contains(this) && organisations.contains(other));
    }
}

package vn.egov.backbone.core.bootstrap;

import vn.egov.backbone.core.unit.api.UnitKind;

import java.util.List;

/**
 * The seed file: a tree of units, plus a template of organisations created inside every commune,
 * ward and special zone that lists no children of its own ({name} is the commune's name).
 */
record ProvinceSeed(String description, List<Node> units, List<Node> communeTemplate) {

    /** @param exchangeId the unit's electronic identifier for document exchange ({@code 000.00.00.H41}), if it has one */
    record Node(String code, String name, UnitKind kind, List<Node> children, String exchangeId) {
        List<Node> childrenOrEmpty() {
            return children == null ? List.of() : children;
        }
    }
}

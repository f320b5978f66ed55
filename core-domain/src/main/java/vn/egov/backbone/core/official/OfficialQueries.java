package vn.egov.backbone.core.official;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.official.api.Clearance;
import vn.egov.backbone.core.official.api.OfficialStatus;
import vn.egov.backbone.core.official.api.OfficialView;
import vn.egov.backbone.core.official.api.OfficialView.RoleView;
import vn.egov.backbone.core.official.api.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries on the officials read model. */
@Service
public class OfficialQueries {
    private static final String COLUMNS =
            "id, username, full_name, email, position, unit_id, clearance, status, version, updated_at";

    private final JdbcClient jdbc;

    public OfficialQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OfficialView> find(String id) {
        return perRequest("official:" + id, () -> single("id = :key", id));
    }

    /** An official as others' lists show them. */
    public record Name(String fullName, String position) {
    }

    /**
     * Names and positions of the given officials in one query, for other modules' lists (a meeting's
     * seats, speakers, voters): they read officials through this, never by joining {@code official_view}.
     */
    public Map<String, Name> names(java.util.Collection<String> ids) {
        List<String> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, Name> names = new HashMap<>();
        jdbc.sql("SELECT id, full_name, position FROM official_view WHERE id IN (:ids)").param("ids", wanted)
                .query((rs, i) -> names.put(rs.getString(1), new Name(rs.getString(2), rs.getString(3)))).list();
        return names;
    }

    /** The official as the read model holds them now, not as looked up earlier in this request. */
    public Optional<OfficialView> findFresh(String id) {
        return single("id = :key", id);
    }

    public Optional<OfficialView> findByUsername(String username) {
        return single("username = :key", username == null ? null : username.toLowerCase(java.util.Locale.ROOT));
    }

    /** Officials of a unit (or all, when {@code unitId} is null), by name. */
    public List<OfficialView> list(String unitId, boolean includeInactive) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (unitId != null) {
            where.append(" AND unit_id = :unit");
            params.put("unit", unitId);
        }
        if (!includeInactive) {
            where.append(" AND status = 'ACTIVE'");
        }
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM official_view" + where + " ORDER BY full_name, username")
                .params(params).query(OfficialQueries::row).list();
        Map<String, List<RoleView>> roles = new HashMap<>();
        jdbc.sql("SELECT official_id, unit_id, role, valid_until FROM official_role_view ORDER BY role, unit_id")
                .query((rs, i) -> {
                    roles.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(roleView(rs));
                    return null;
                }).list();
        return rows.stream().map(r -> r.view(roles.getOrDefault(r.id, List.of()))).toList();
    }

    /**
     * The active officials whom a picker offers (a chair, an invitee, a reviewer): not the accounts with a
     * system-wide role — the installation's administrator — who are not people to hand work to.
     */
    public List<OfficialView> people() {
        return list(null, false).stream()
                .filter(official -> official.roles().stream().noneMatch(role -> role.unitId() == null)).toList();
    }

    public List<RoleView> roles(String officialId) {
        return perRequest("roles:" + officialId, () -> loadRoles(officialId));
    }

    /**
     * Within one HTTP request the same official is looked up several times (authentication,
     * authorisation, clearance); the first answer serves the rest of that request. Nothing is kept
     * across requests, so a revoked role is seen by the very next request.
     */
    @SuppressWarnings("unchecked")
    private <T> T perRequest(String key, java.util.function.Supplier<T> load) {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return load.get();
        }
        String name = OfficialQueries.class.getName() + "." + key;
        Object cached = attributes.getAttribute(name, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (cached != null) {
            return (T) cached;
        }
        T value = load.get();
        attributes.setAttribute(name, value, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        return value;
    }

    private List<RoleView> loadRoles(String officialId) {
        return jdbc.sql("SELECT official_id, unit_id, role, valid_until FROM official_role_view WHERE official_id = :id"
                        + " ORDER BY role, unit_id")
                .param("id", officialId).query((rs, i) -> roleView(rs)).list();
    }

    private Optional<OfficialView> single(String condition, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM official_view WHERE " + condition).param("key", key)
                .query(OfficialQueries::row).optional()
                .map(row -> row.view(roles(row.id)));
    }

    private static RoleView roleView(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RoleView(rs.getString("unit_id"), Role.valueOf(rs.getString("role")),
                rs.getTimestamp("valid_until") == null ? null : rs.getTimestamp("valid_until").toInstant());
    }

    private record Row(String id, String username, String fullName, String email, String position, String unitId,
                       Clearance clearance, OfficialStatus status, long version, java.time.Instant updatedAt) {
        OfficialView view(List<RoleView> roles) {
            return new OfficialView(id, username, fullName, email, position, unitId, clearance, status, roles, version,
                    updatedAt);
        }
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getString("id"), rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
                rs.getString("position"), rs.getString("unit_id"), Clearance.valueOf(rs.getString("clearance")),
                OfficialStatus.valueOf(rs.getString("status")), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}

package vn.egov.backbone.core.unit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.backbone.core.unit.api.UnitKind;
import vn.egov.backbone.core.unit.api.UnitStatus;
import vn.egov.backbone.core.unit.api.UnitView;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Queries on the unit read model, for the API, the pages and authorisation. */
@Service
public class UnitQueries {
    private static final Set<UnitKind> AGENCY_KINDS = java.util.EnumSet.of(UnitKind.AGENCY, UnitKind.PEOPLES_COMMITTEE);

    private static final String COLUMNS = "id, code, name, kind, parent_id, status, merged_into, version, updated_at,"
            + " exchange_id";

    /**
     * Units change rarely and are looked up on every authorisation (a unit and its ancestors), so
     * single units are kept for a moment. This node's projection clears the cache on every change;
     * another node's changes are seen after at most {@link #CACHE_TIME}.
     */
    static final Duration CACHE_TIME = Duration.ofSeconds(2);

    /** Values kept for {@link #CACHE_TIME} after they were loaded, at most 50,000 of them. */
    private static final class BriefCache<V> {
        private record Entry<V>(V value, long loadedAt) {
        }

        private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

        V get(String key, java.util.function.Function<String, V> load) {
            long now = System.nanoTime();
            Entry<V> cached = entries.get(key);
            if (cached != null && now - cached.loadedAt() < CACHE_TIME.toNanos()) {
                return cached.value();
            }
            V value = load.apply(key);
            if (entries.size() > 50_000) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now));
            return value;
        }

        void clear() {
            entries.clear();
        }
    }

    private final JdbcClient jdbc;
    private final BriefCache<Optional<UnitView>> cache = new BriefCache<>();
    private final BriefCache<Set<String>> mergesCache = new BriefCache<>();

    public UnitQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UnitView> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return cache.get(id, key -> jdbc.sql("SELECT " + COLUMNS + " FROM unit_view WHERE id = :id").param("id", key)
                .query(UnitQueries::map).optional());
    }

    /** The given units in one query, by id, for other modules' lists: they never join {@code unit_view}. */
    public java.util.Map<String, UnitView> findAll(java.util.Collection<String> ids) {
        List<String> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, UnitView> units = new java.util.HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM unit_view WHERE id IN (:ids)").param("ids", wanted)
                .query(UnitQueries::map).list().forEach(unit -> units.put(unit.id(), unit));
        return units;
    }

    /**
     * Whether any unit was ever created: their codes are claimed with the command itself, so this is
     * true before the read model shows the first unit (the first start's seed asks it).
     */
    public boolean anyUnitCreated() {
        return jdbc.sql("SELECT COUNT(*) FROM unit_code").query(Long.class).single() > 0;
    }

    /** The active unit with this code (codes are unique across the tree). */
    public Optional<UnitView> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_view WHERE code = :code AND status = 'ACTIVE'")
                .param("code", code).query(UnitQueries::map).optional();
    }

    /**
     * The units merged into this one, directly or through earlier merges ({@code A} into {@code B},
     * then {@code B} into {@code C}): the unit now keeps what they kept, their archives among it.
     * Looked up on every read of documents, so kept for a moment like single units.
     */
    public Set<String> mergedInto(String unitId) {
        return mergesCache.get(unitId, key -> Set.copyOf(jdbc.sql("WITH RECURSIVE merged(id) AS ("
                        + " SELECT id FROM unit_view WHERE merged_into = :id"
                        + " UNION SELECT u.id FROM unit_view u JOIN merged m ON u.merged_into = m.id)"
                        + " SELECT id FROM merged")
                .param("id", key).query(String.class).list()));
    }

    /** Called by the projection after every change to the tree. */
    void forgetCachedUnits() {
        cache.clear();
        mergesCache.clear();
    }

    /** All units in tree order of their names; inactive (merged, dissolved) ones only when asked. */
    public List<UnitView> list(boolean includeInactive) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_view"
                        + (includeInactive ? "" : " WHERE status = 'ACTIVE'") + " ORDER BY kind, name, id")
                .query(UnitQueries::map).list();
    }

    public List<UnitView> children(String parentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_view WHERE parent_id = :parent AND status = 'ACTIVE'"
                        + " ORDER BY kind, name").param("parent", parentId)
                .query(UnitQueries::map).list();
    }

    public List<UnitView> roots() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_view WHERE parent_id IS NULL AND status = 'ACTIVE' ORDER BY name")
                .query(UnitQueries::map).list();
    }

    /** The unit itself and its ancestors up to the root, following merges to the unit that holds it now. */
    public List<String> selfAndAncestors(String unitId) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = unitId;
        while (current != null && seen.add(current)) {
            Optional<UnitView> unit = find(current);
            if (unit.isEmpty()) {
                break;
            }
            if (unit.get().status() == UnitStatus.MERGED && unit.get().mergedInto() != null) {
                chain.add(current);
                current = unit.get().mergedInto();
                continue;
            }
            chain.add(current);
            current = unit.get().parentId();
        }
        return chain;
    }

    /**
     * The agency a unit belongs to (a sở, a people's committee; the unit itself if it is one), or empty for a unit
     * outside any agency — the province or a commune itself, which hold no registers of their own.
     */
    public Optional<UnitView> enclosingAgency(String unitId) {
        for (String id : selfAndAncestors(unitId)) {
            Optional<UnitView> unit = find(id);
            if (unit.isPresent() && AGENCY_KINDS.contains(unit.get().kind()) && unit.get().status() == UnitStatus.ACTIVE) {
                return unit;
            }
        }
        return Optional.empty();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM unit_view").query(Long.class).single();
    }

    private static UnitView map(ResultSet rs, int row) throws SQLException {
        return new UnitView(rs.getString("id"), rs.getString("code"), rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")), rs.getString("parent_id"),
                UnitStatus.valueOf(rs.getString("status")), rs.getString("merged_into"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("exchange_id"));
    }
}

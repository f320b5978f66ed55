package vn.egov.backbone.core.eventchain.api;

/** Told within the node (a Spring application event) when a checkpoint is signed, for those who publish it further. */
public record CheckpointSigned(Checkpoint checkpoint) {
}

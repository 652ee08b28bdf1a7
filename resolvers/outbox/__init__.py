"""The outbox domain's root fields: a background job by id, and its progress live."""

"""The content domain's root fields: queries, one module per mutation, `node(id:)` roads, and the road from an
id to a content object."""

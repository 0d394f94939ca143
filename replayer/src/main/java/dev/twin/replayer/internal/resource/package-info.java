/**
 * {@code stateful: auto}: the REST resources an OpenAPI document describes, recognised from its structure alone (a
 * collection path with a create and its item path, the item schema and its id, the list envelope and its paging)
 * and turned, once at start-up, into the tables and {@code extend} bindings a person would have written for them.
 * From then on they are ordinary tables: per tenant, resettable, in snapshots and the {@code --state} file.
 *
 * <p>The way in is {@link dev.twin.replayer.internal.resource.StatefulAuto#expand}; {@link
 * dev.twin.replayer.internal.resource.ResourceFinder} finds the resources, {@link dev.twin.replayer.internal.resource.ItemShape},
 * {@link dev.twin.replayer.internal.resource.IdShape}, {@link dev.twin.replayer.internal.resource.ListShape} and {@link
 * dev.twin.replayer.internal.resource.DefaultRow} read what the spec says about each, and {@link
 * dev.twin.replayer.internal.resource.ResourceTables} writes the tables and bindings, leaving alone every operation
 * twin.yaml binds itself. See docs/stateful-auto.md.
 */
package dev.twin.replayer.internal.resource;

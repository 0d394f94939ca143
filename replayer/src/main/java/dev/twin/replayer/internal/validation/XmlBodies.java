package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads XML request bodies into the JSON tree their schema describes ({@link XmlShape}), so that they are validated,
 * stored and answered like JSON ones: {@code <pet id="7"><name>Rex</name><tags><tag>a</tag></tags></pet>} is
 * {@code {"id": 7, "name": "Rex", "tags": ["a"]}}. No DTD, no external entity is read; nesting and element counts
 * are held to {@link RequestLimits}. A body that is not well-formed becomes a violation saying where it breaks.
 */
final class XmlBodies {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final XMLInputFactory FACTORY = factory();

    private XmlBodies() {
    }

    /** An element as read: its attributes and children by local name, its text. */
    private record Element(String name, Map<String, String> attributes, List<Element> children, StringBuilder text) {
    }

    /** The tree, or null after adding why to {@code problems} (not XML) or {@code overLimit} (too deep, too many). */
    static JsonNode parse(byte[] body, XmlShape shape, List<Violation> problems, List<Violation> overLimit) {
        Element root;
        try {
            root = read(body, overLimit);
        } catch (XMLStreamException e) {
            problems.add(new Violation(Violation.BODY, Violation.BODY, describe(e)));
            return null;
        }
        if (root == null) {
            return null;
        }
        if (shape instanceof XmlShape.ListShape list) {
            ArrayNode items = JSON.arrayNode();
            root.children().forEach(child -> items.add(value(child, list.items().get())));
            return items;
        }
        return value(root, shape);
    }

    private static Element read(byte[] body, List<Violation> overLimit) throws XMLStreamException {
        XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
        try {
            List<Element> open = new ArrayList<>();
            Element root = null;
            int count = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (open.size() >= RequestLimits.MAX_DEPTH) {
                        overLimit.add(RequestLimits.tooDeep(topName(open, name), Violation.BODY));
                        return null;
                    }
                    count += 1 + reader.getAttributeCount();
                    if (count > RequestLimits.MAX_PARAMETERS) {
                        overLimit.add(RequestLimits.tooMany(topName(open, name), Violation.BODY));
                        return null;
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                    }
                    Element element = new Element(name, attributes, new ArrayList<>(0), new StringBuilder());
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.get(open.size() - 1).children().add(element);
                    }
                    open.add(element);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.remove(open.size() - 1);
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && !open.isEmpty()) {
                    open.get(open.size() - 1).text().append(reader.getText());
                }
            }
            if (root == null) {
                throw new XMLStreamException("no root element");
            }
            return root;
        } finally {
            reader.close();
        }
    }

    /** The member a limit is named by: the root's child holding it ({@code body.tags}), or {@code body}. */
    private static String topName(List<Element> open, String current) {
        String member = open.size() >= 2 ? open.get(1).name() : open.size() == 1 ? current : null;
        return member == null ? Violation.BODY : Violation.BODY + "." + member;
    }

    private static JsonNode value(Element element, XmlShape shape) {
        if ("true".equals(element.attributes().get("nil")) && element.children().isEmpty()) {
            return JSON.nullNode(); // xsi:nil
        }
        if (shape instanceof XmlShape.Scalar scalar) {
            return scalar(element.text().toString().strip(), scalar.type());
        }
        if (shape instanceof XmlShape.ObjectShape object) {
            return object(element, object);
        }
        if (shape instanceof XmlShape.ListShape list) {
            ArrayNode items = JSON.arrayNode();
            element.children().forEach(child -> items.add(value(child, list.items().get())));
            return items;
        }
        return any(element);
    }

    private static ObjectNode object(Element element, XmlShape.ObjectShape shape) {
        Members members = new Members();
        element.attributes().forEach((name, text) -> {
            XmlShape.Property property = shape.attributes().get(name);
            if (property != null) {
                members.add(property.name(), scalarOf(text, property.shape().get()), false);
            } else if (!name.equals("nil") && !name.equals("schemaLocation")) {
                members.add(name, JSON.textNode(text), false);
            }
        });
        for (Element child : element.children()) {
            XmlShape.Property property = shape.elements().get(child.name());
            if (property == null) {
                members.add(child.name(), any(child), false);
            } else if (property.wrapped()) {
                members.list(property.name());
                child.children().forEach(item -> members.add(property.name(), value(item, property.shape().get()),
                        true));
            } else {
                members.add(property.name(), value(child, property.shape().get()), property.list());
            }
        }
        return members.object;
    }

    /** Without a schema: attributes and children as members, a repeated name as a list, text alone as text. */
    private static JsonNode any(Element element) {
        if (element.children().isEmpty() && element.attributes().isEmpty()) {
            return JSON.textNode(element.text().toString().strip());
        }
        Members members = new Members();
        element.attributes().forEach((name, text) -> members.add(name, JSON.textNode(text), false));
        for (Element child : element.children()) {
            members.add(child.name(), any(child), false);
        }
        return members.object;
    }

    /** An object's members as they are read: a list property collects its items, a repeated name becomes a list. */
    private static final class Members {
        private final ObjectNode object = JSON.objectNode();
        private final java.util.Set<String> lists = new java.util.HashSet<>();

        void list(String name) {
            if (lists.add(name)) {
                object.putArray(name);
            }
        }

        void add(String name, JsonNode value, boolean list) {
            JsonNode present = object.get(name);
            if (list || present != null && !lists.contains(name)) {
                if (!lists.contains(name)) {
                    lists.add(name);
                    ArrayNode items = object.putArray(name);
                    if (present != null) {
                        items.add(present); // a name repeated where one value belongs: validation says so
                    }
                }
                ((ArrayNode) object.get(name)).add(value);
            } else if (present == null) {
                object.set(name, value);
            } else {
                ((ArrayNode) present).add(value);
            }
        }
    }

    private static JsonNode scalarOf(String text, XmlShape shape) {
        return shape instanceof XmlShape.Scalar scalar ? scalar(text, scalar.type()) : JSON.textNode(text);
    }

    /** The text as its type says; as text when it is not one (validation then names it). */
    private static JsonNode scalar(String text, String type) {
        try {
            return switch (type) {
                case "integer" -> JSON.numberNode(new BigInteger(text));
                case "number" -> JSON.numberNode(new BigDecimal(text));
                case "boolean" -> text.equals("true") || text.equals("false") ? JSON.booleanNode(text.equals("true"))
                        : JSON.textNode(text);
                default -> JSON.textNode(text);
            };
        } catch (NumberFormatException e) {
            return JSON.textNode(text);
        }
    }

    private static String describe(XMLStreamException e) {
        Location where = e.getLocation();
        String reason = e.getMessage() == null ? "malformed" : e.getMessage();
        int message = reason.indexOf("Message: ");
        if (message >= 0) {
            reason = reason.substring(message + "Message: ".length());
        }
        reason = reason.strip();
        if (where == null || where.getLineNumber() < 0) {
            return "Invalid XML body: " + reason;
        }
        return "Invalid XML body at line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ": "
                + reason;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}

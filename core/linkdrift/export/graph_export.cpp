#include "linkdrift/export/graph_export.h"

#include <string>
#include <vector>

#include "linkdrift/base/calendar.h"
#include "linkdrift/base/text_util.h"
#include "linkdrift/export/csv.h"
#include "linkdrift/report/report_builder.h"

namespace linkdrift {
namespace {

// A node's fields as the exports show them.
struct NodeFields {
  std::string label, type, platform, kind, target, url;
  std::int64_t chat = -1, chat_id = 0;
};

std::vector<NodeFields> node_fields(const Report& report) {
  std::vector<NodeFields> out;
  for (const GraphReport::Node& n : report.graph.nodes) {
    NodeFields f;
    f.label = n.label;
    if (n.chat) {
      f.type = "chat";
      f.chat = *n.chat;
      f.chat_id = report.chats[*n.chat].id;
      f.platform = "telegram";
      f.kind = "chat";
      f.target = std::to_string(f.chat_id);
    } else {
      f.type = "target";
      f.platform = name(n.platform);
      f.kind = name(n.kind);
      f.target = n.target;
      f.url = n.url;
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::string types_text(const GraphReport::Edge& edge) {
  std::string s;
  for (unsigned t = 0; t < kAnnouncementTypeCount; ++t) {
    if (!(edge.announcement_types & (1u << t))) continue;
    if (!s.empty()) s.push_back(',');
    s += name(static_cast<AnnouncementType>(t));
  }
  return s;
}

// XML 1.0 character data / attribute value: escaped, with invalid UTF-8 and
// forbidden characters replaced by U+FFFD.
std::string xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = text::utf8_decode(s, i, cp);
    const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp < 0xD800) ||
                         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!allowed || cp == 0xFFFD) out += "\xEF\xBF\xBD";  // also an invalid byte (decoded as U+FFFD)
    else if (cp == '&') out += "&amp;";
    else if (cp == '<') out += "&lt;";
    else if (cp == '>') out += "&gt;";
    else if (cp == '"') out += "&quot;";
    else if (cp == '\'') out += "&apos;";
    else if (cp == 0x9 || cp == 0xA || cp == 0xD) out += "&#" + std::to_string(static_cast<unsigned>(cp)) + ";";
    else out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string csv(const GraphReport& graph, const std::vector<NodeFields>& nodes, bool excel_safe) {
  std::string out = "from_id,from_label,to_id,to_label,to_platform,to_kind,to_target,relation,weight,first,last\n";
  for (const GraphReport::Edge& e : graph.edges) {
    const std::size_t from = e.from, to = e.to;
    append_csv_cell(out, std::to_string(from), excel_safe, ',');
    append_csv_cell(out, nodes[from].label, excel_safe, ',');
    append_csv_cell(out, std::to_string(to), excel_safe, ',');
    append_csv_cell(out, nodes[to].label, excel_safe, ',');
    append_csv_cell(out, nodes[to].platform, excel_safe, ',');
    append_csv_cell(out, nodes[to].kind, excel_safe, ',');
    append_csv_cell(out, nodes[to].target, excel_safe, ',');
    append_csv_cell(out, name(e.relation), excel_safe, ',');
    append_csv_cell(out, std::to_string(e.weight), excel_safe, ',');
    append_csv_cell(out, iso_utc(e.first), excel_safe, ',');
    append_csv_cell(out, iso_utc(e.last), excel_safe, '\n');
  }
  return out;
}

// (name, value) pairs of a node's attributes; chat and chat_id for chats only, url for targets only.
std::vector<std::pair<const char*, std::string>> node_attributes(const NodeFields& n) {
  std::vector<std::pair<const char*, std::string>> a{{"type", n.type}};
  if (n.chat >= 0) {
    a.emplace_back("chat", std::to_string(n.chat));
    a.emplace_back("chat_id", std::to_string(n.chat_id));
  }
  a.emplace_back("platform", n.platform);
  a.emplace_back("kind", n.kind);
  a.emplace_back("target", n.target);
  if (n.chat < 0) a.emplace_back("url", n.url);
  return a;
}

std::vector<std::pair<const char*, std::string>> edge_attributes(const GraphReport::Edge& e) {
  return {{"relation", std::string(name(e.relation))},
          {"first", iso_utc(e.first)},
          {"last", iso_utc(e.last)},
          {"announcement_types", types_text(e)}};
}

constexpr const char* kNodeKeys[][2] = {{"type", "string"},   {"chat", "long"},   {"chat_id", "long"}, {"platform", "string"},
                                        {"kind", "string"},   {"target", "string"}, {"url", "string"}};
constexpr const char* kEdgeKeys[] = {"relation", "first", "last", "announcement_types"};

std::string gexf(const GraphReport& graph, const std::vector<NodeFields>& nodes) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
      "  <meta><creator>linkdrift</creator><description>successor/backup graph: announced and cross_link edges"
      "</description></meta>\n"
      "  <graph defaultedgetype=\"directed\" mode=\"static\">\n    <attributes class=\"node\">\n";
  for (const auto& [key, type] : kNodeKeys)
    out += std::string("      <attribute id=\"") + key + "\" title=\"" + key + "\" type=\"" + type + "\"/>\n";
  out += "    </attributes>\n    <attributes class=\"edge\">\n";
  for (const char* key : kEdgeKeys)
    out += std::string("      <attribute id=\"") + key + "\" title=\"" + key + "\" type=\"string\"/>\n";
  out += "    </attributes>\n    <nodes>\n";
  auto attvalues = [&](const std::vector<std::pair<const char*, std::string>>& attrs) {
    out += "<attvalues>";
    for (const auto& [key, value] : attrs) out += std::string("<attvalue for=\"") + key + "\" value=\"" + xml(value) + "\"/>";
    out += "</attvalues>";
  };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    out += "      <node id=\"" + std::to_string(i) + "\" label=\"" + xml(nodes[i].label) + "\">";
    attvalues(node_attributes(nodes[i]));
    out += "</node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  std::size_t id = 0;
  for (const GraphReport::Edge& e : graph.edges) {
    out += "      <edge id=\"" + std::to_string(id++) + "\" source=\"" + std::to_string(e.from) + "\" target=\"" +
           std::to_string(e.to) + "\" kind=\"" + xml(name(e.relation)) + "\" weight=\"" + std::to_string(e.weight) + "\">";
    attvalues(edge_attributes(e));
    out += "</edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

std::string graphml(const GraphReport& graph, const std::vector<NodeFields>& nodes) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n";
  for (const auto& [key, type] : kNodeKeys)
    out += std::string("  <key id=\"") + key + "\" for=\"node\" attr.name=\"" + key + "\" attr.type=\"" + type + "\"/>\n";
  out += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n";
  for (const char* key : kEdgeKeys)
    out += std::string("  <key id=\"") + key + "\" for=\"edge\" attr.name=\"" + key + "\" attr.type=\"string\"/>\n";
  out += "  <graph id=\"linkdrift\" edgedefault=\"directed\">\n";
  auto data = [&](const std::vector<std::pair<const char*, std::string>>& attrs) {
    for (const auto& [key, value] : attrs) out += std::string("<data key=\"") + key + "\">" + xml(value) + "</data>";
  };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    out += "    <node id=\"n" + std::to_string(i) + "\">";
    data({{"label", nodes[i].label}});
    data(node_attributes(nodes[i]));
    out += "</node>\n";
  }
  std::size_t id = 0;
  for (const GraphReport::Edge& e : graph.edges) {
    out += "    <edge id=\"e" + std::to_string(id++) + "\" source=\"n" + std::to_string(e.from) + "\" target=\"n" +
           std::to_string(e.to) + "\">";
    data({{"weight", std::to_string(e.weight)}});
    data(edge_attributes(e));
    out += "</edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace

std::optional<GraphFormat> parse_graph_format(std::string_view s) {
  if (s == "csv") return GraphFormat::csv;
  if (s == "gexf") return GraphFormat::gexf;
  if (s == "graphml") return GraphFormat::graphml;
  return std::nullopt;
}

std::string graph_export(const Report& report, GraphFormat format, bool excel_safe) {
  const std::vector<NodeFields> nodes = node_fields(report);
  switch (format) {
    case GraphFormat::gexf: return gexf(report.graph, nodes);
    case GraphFormat::graphml: return graphml(report.graph, nodes);
    case GraphFormat::csv: break;
  }
  return csv(report.graph, nodes, excel_safe);
}

std::string graph_file(const Corpus& corpus, ReportOptions options, GraphFormat format, bool excel_safe) {
  options.graph_max_edges = 0;
  return graph_export(build_report(corpus, options), format, excel_safe);
}

}  // namespace linkdrift

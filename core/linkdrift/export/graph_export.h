// The successor/backup graph (the report's "graph" section) as files for
// Gephi and spreadsheets: `linkdrift graph --format csv|gexf|graphml`.
//
//   csv      one row per edge, RFC 4180 (export/csv.h), header
//            from_id,from_label,to_id,to_label,to_platform,to_kind,to_target,relation,weight,first,last
//            A chat node's platform/kind/target are telegram/chat/<chat id>.
//   gexf     GEXF 1.3 (http://gexf.net/1.3), directed; node attributes type, chat, chat_id,
//            platform, kind, target, url; edge attributes relation, first, last,
//            announcement_types (comma-separated); the edge weight is `weight`, its kind the relation.
//   graphml  GraphML, directed; the same attributes as <data> keys, plus label and weight.
// XML text is escaped (& < > " '), invalid UTF-8 and characters XML 1.0 forbids become U+FFFD,
// so any chat name gives well-formed XML. Node and edge ids are the report's ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "linkdrift/report/report_model.h"
#include "linkdrift/report/report_options.h"
#include "linkdrift/store/corpus.h"

namespace linkdrift {

enum class GraphFormat { csv, gexf, graphml };
std::optional<GraphFormat> parse_graph_format(std::string_view s);

// The graph of `report` (its graph and, for chat nodes' ids, its chats).
// With excel_safe, CSV cells that could run as formulas get a leading '.
std::string graph_export(const Report& report, GraphFormat format, bool excel_safe = false);

// The graph file of `corpus` under `options`, with every edge (graph_max_edges ignored).
std::string graph_file(const Corpus& corpus, ReportOptions options, GraphFormat format, bool excel_safe = false);

}  // namespace linkdrift

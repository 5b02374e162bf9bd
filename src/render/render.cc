#include "hearsay/render.h"

#include <algorithm>
#include <map>
#include <set>

namespace hearsay {
namespace {

void AppendEscaped(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      default:
        out->push_back(c);
    }
  }
}

std::string Escaped(std::string_view text) {
  std::string out;
  AppendEscaped(text, &out);
  return out;
}

struct Highlight {
  Span span;
  std::string kind;   // claim, source, cue, event, timex, entity
  std::string id;     // shared by the parts of one highlight and by its panel entry
  std::string value;  // TIMEX3 value, event type, quote kind ...
  std::string title;  // tooltip
};

const char* CertaintyName(Certainty c) {
  static constexpr const char* kNames[] = {"certain", "probable", "possible", "underspecified"};
  return kNames[static_cast<int>(c)];
}

const char* QuoteKindName(QuoteKind k) {
  static constexpr const char* kNames[] = {"direct", "indirect", "mixed"};
  return kNames[static_cast<int>(k)];
}

std::string EntityName(const Analysis& analysis, uint32_t entity) {
  return entity == kNone ? std::string() : analysis.mentions.entities[entity].name;
}

class Renderer {
 public:
  Renderer(const Document& doc, const Analysis& analysis) : doc_(doc), analysis_(analysis) {}

  std::string Render() {
    CollectHighlights();
    std::string out;
    out.reserve(doc_.text.size() * 3 + 8192);
    out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>";
    AppendEscaped(Headline(), &out);
    out += " — hearsay</title>\n<style>";
    out += kStyle;
    out += "</style></head>\n<body>\n<header><h1>";
    AppendEscaped(Headline(), &out);
    out += "</h1><p class=\"meta\">";
    AppendEscaped(doc_.meta.publisher.empty() ? "unknown publisher" : doc_.meta.publisher, &out);
    out += " · ";
    AppendEscaped(doc_.meta.date.empty() ? "undated" : doc_.meta.date, &out);
    out +=
        "</p><p class=\"legend\"><span class=\"hs-claim\">claim</span> <span "
        "class=\"hs-source\">source</span> <span class=\"hs-cue\">cue</span> <span "
        "class=\"hs-event\">event</span> <span class=\"hs-timex\">time</span> <span "
        "class=\"hs-entity\">entity</span></p></header>\n<main>\n<article id=\"text\">";
    AppendText(&out);
    out += "</article>\n<aside id=\"panel\">";
    AppendClaimPanel(&out);
    AppendEventPanel(&out);
    out += "</aside>\n</main>\n</body></html>\n";
    return out;
  }

 private:
  static constexpr const char* kStyle =
      "body{font:15px/1.6 system-ui,sans-serif;margin:0;color:#222}"
      "header{padding:12px 24px;border-bottom:1px solid #ddd}h1{margin:0;font-size:22px}"
      ".meta{color:#666;margin:4px 0}.legend span{padding:0 4px;margin-right:6px}"
      "main{display:flex;gap:24px;padding:16px 24px}"
      "article{flex:3;white-space:pre-wrap}aside{flex:2;font-size:13px}"
      ".hs-claim{background:#fff3bf}.hs-source{background:#a5d8ff;font-weight:600}"
      ".hs-cue{background:#ffc9c9;font-weight:600}"
      ".hs-event{border-bottom:3px solid #2b8a3e;background:#d3f9d8}"
      ".hs-timex{border-bottom:3px dotted #862e9c;background:#f3d9fa}"
      ".hs-entity{text-decoration:underline dotted #555}"
      ".boilerplate{color:#aaa}"
      "table{border-collapse:collapse;width:100%;margin-bottom:16px}"
      "td,th{border:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}"
      "th{background:#f1f3f5}";

  std::string Headline() const {
    if (!doc_.meta.title.empty()) return doc_.meta.title;
    for (const Paragraph& paragraph : analysis_.segmentation.paragraphs) {
      if (paragraph.headline) return std::string(paragraph.span.In(doc_.text));
    }
    return doc_.origin;
  }

  void CollectHighlights() {
    for (size_t i = 0; i < analysis_.claims.size(); ++i) {
      const Claim& claim = analysis_.claims[i];
      std::string id = "claim-" + std::to_string(i);
      std::string source = EntityName(analysis_, claim.source_entity);
      highlights_.push_back(
          {claim.content, "claim", id, QuoteKindName(claim.kind),
           "claim by " + (source.empty() ? std::string(claim.source.In(doc_.text)) : source)});
      if (!claim.source.empty()) {
        highlights_.push_back({claim.source, "source", id + "-source", source, "source"});
      }
      if (!claim.cue.empty()) {
        highlights_.push_back({claim.cue, "cue", id + "-cue", claim.cue_lemma, "cue"});
      }
    }
    for (size_t i = 0; i < analysis_.events.size(); ++i) {
      const Event& event = analysis_.events[i];
      for (size_t m = 0; m < event.mentions.size(); ++m) {
        const EventMention& mention = event.mentions[m];
        highlights_.push_back({mention.trigger, "event",
                               "event-" + std::to_string(i) + "-" + std::to_string(m), event.type,
                               event.label + " (" + CertaintyName(mention.certainty) + ")"});
      }
    }
    for (size_t i = 0; i < analysis_.timexes.size(); ++i) {
      const Timex& timex = analysis_.timexes[i];
      highlights_.push_back(
          {timex.span, "timex", "timex-" + std::to_string(i), timex.value, timex.value});
    }
    for (size_t i = 0; i < analysis_.mentions.mentions.size(); ++i) {
      const Mention& mention = analysis_.mentions.mentions[i];
      std::string name = EntityName(analysis_, mention.entity);
      highlights_.push_back({mention.span, "entity", "entity-" + std::to_string(i), name, name});
    }
  }

  // The text with every highlight as nested <span>s: at each boundary all open spans close and
  // the ones still active reopen, so overlapping highlights always nest correctly.
  void AppendText(std::string* out) {
    std::set<uint32_t> boundaries = {0, static_cast<uint32_t>(doc_.text.size())};
    for (const Highlight& h : highlights_) {
      boundaries.insert(h.span.begin);
      boundaries.insert(h.span.end);
    }
    std::vector<Span> boilerplate;
    for (const Paragraph& p : analysis_.segmentation.paragraphs) {
      if (!p.boilerplate) continue;
      boilerplate.push_back(p.span);
      boundaries.insert(p.span.begin);
      boundaries.insert(p.span.end);
    }
    // Sweep: highlights sorted by start enter the active set, and leave it at their end.
    std::stable_sort(
        highlights_.begin(), highlights_.end(),
        [](const Highlight& a, const Highlight& b) { return a.span.begin < b.span.begin; });
    size_t next = 0;
    std::vector<const Highlight*> active;
    for (auto it = boundaries.begin(); std::next(it) != boundaries.end(); ++it) {
      Span piece{*it, *std::next(it)};
      if (piece.empty() || piece.end > doc_.text.size()) continue;
      active.erase(std::remove_if(active.begin(), active.end(),
                                  [&](const Highlight* h) { return h->span.end <= piece.begin; }),
                   active.end());
      for (; next < highlights_.size() && highlights_[next].span.begin <= piece.begin; ++next) {
        if (highlights_[next].span.end > piece.begin) active.push_back(&highlights_[next]);
      }
      // Longer highlights outside, so a claim holds its events and times.
      std::vector<const Highlight*> nested = active;
      std::stable_sort(nested.begin(), nested.end(), [](const Highlight* a, const Highlight* b) {
        return a->span.size() > b->span.size();
      });
      bool in_boilerplate = std::any_of(boilerplate.begin(), boilerplate.end(),
                                        [&](Span span) { return span.Contains(piece); });
      if (in_boilerplate) *out += "<span class=\"boilerplate\" title=\"boilerplate: no output\">";
      for (const Highlight* h : nested) {
        *out += "<span class=\"hs-" + h->kind + "\" data-kind=\"" + h->kind + "\" data-id=\"" +
                h->id + "\" data-value=\"" + Escaped(h->value) + "\" title=\"" + Escaped(h->title) +
                "\">";
      }
      AppendEscaped(piece.In(doc_.text), out);
      for (size_t k = 0; k < nested.size(); ++k) *out += "</span>";
      if (in_boilerplate) *out += "</span>";
    }
  }

  void AppendClaimPanel(std::string* out) const {
    *out +=
        "<h2>Claims</h2><table id=\"claims\"><tr><th>source</th><th>cue</th><th>kind</th>"
        "<th>relayed by</th><th>said</th><th>claim</th></tr>";
    for (size_t i = 0; i < analysis_.claims.size(); ++i) {
      const Claim& claim = analysis_.claims[i];
      std::string source = EntityName(analysis_, claim.source_entity);
      if (source.empty()) source = std::string(claim.source.In(doc_.text));
      std::string relays;
      for (uint32_t relay : claim.relays) {
        if (!relays.empty()) relays += ", ";
        relays += EntityName(analysis_, relay);
      }
      std::string said = claim.said_at == kNone ? "" : analysis_.timexes[claim.said_at].value;
      *out += "<tr data-claim=\"claim-" + std::to_string(i) + "\"><td>" + Escaped(source) +
              "</td><td>" + Escaped(claim.cue_lemma) + "</td><td>" + QuoteKindName(claim.kind) +
              "</td><td>" + Escaped(relays) + "</td><td>" + Escaped(said) + "</td><td>" +
              Escaped(claim.content.In(doc_.text)) + "</td></tr>";
    }
    *out += "</table>";
  }

  void AppendEventPanel(std::string* out) const {
    *out +=
        "<h2>Events</h2><table id=\"events\"><tr><th>type</th><th>CAMEO</th><th>actors</th>"
        "<th>place</th><th>time</th><th>factuality</th></tr>";
    for (const Event& event : analysis_.events) {
      std::string actors;
      for (uint32_t actor : event.actors) {
        if (!actors.empty()) actors += ", ";
        actors += EntityName(analysis_, actor);
      }
      std::string time = event.time == kNone ? "" : analysis_.timexes[event.time].value;
      std::string factuality;
      for (const EventMention& mention : event.mentions) {
        if (!factuality.empty()) factuality += "; ";
        factuality += std::string(mention.trigger.In(doc_.text)) + ": " +
                      CertaintyName(mention.certainty) +
                      (mention.polarity == Polarity::kNegative ? ", negative" : "") +
                      (mention.tense == Tense::kFuture ? ", future" : "");
      }
      *out += "<tr><td>" + Escaped(event.type) + "</td><td>" + Escaped(event.cameo) + "</td><td>" +
              Escaped(actors) + "</td><td>" + Escaped(EntityName(analysis_, event.place)) +
              "</td><td>" + Escaped(time) + "</td><td>" + Escaped(factuality) + "</td></tr>";
    }
    *out += "</table>";
  }

  const Document& doc_;
  const Analysis& analysis_;
  std::vector<Highlight> highlights_;
};

}  // namespace

std::string RenderHtml(const Document& doc, const Analysis& analysis) {
  return Renderer(doc, analysis).Render();
}

}  // namespace hearsay

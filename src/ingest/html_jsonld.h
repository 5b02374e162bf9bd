// Article metadata from JSON-LD (schema.org NewsArticle and its kin) in an HTML page.
#ifndef HEARSAY_INGEST_HTML_JSONLD_H_
#define HEARSAY_INGEST_HTML_JSONLD_H_

#include <string>
#include <string_view>

namespace hearsay::html {

struct JsonLdArticle {
  std::string headline;
  std::string date_published;  // as written ("2019-09-12T14:03:00Z")
  std::string publisher;       // publisher.name
  std::string url;             // url, else mainEntityOfPage
};

// Reads the first object typed as an article (NewsArticle, Article, ReportageNewsArticle,
// BlogPosting ...) in one <script type="application/ld+json"> body, searching @graph and
// nested arrays; false if the JSON is malformed or holds no article.
bool ReadJsonLdArticle(std::string_view json, JsonLdArticle* out);

}  // namespace hearsay::html

#endif  // HEARSAY_INGEST_HTML_JSONLD_H_

#include "support.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

namespace hearsay::testing {

const Resources& TestResources() {
  static const Resources* resources = [] {
    auto* loaded = new Resources();
    Status status = Resources::Load(std::string(HEARSAY_SOURCE_DIR) + "/ontology", loaded);
    if (!status.ok()) FAIL("cannot load ontology/: " << status.message());
    return loaded;
  }();
  return *resources;
}

Document MakeDocument(std::string text, std::string date, std::string publisher) {
  Document doc;
  doc.origin = "test";
  doc.meta.date = std::move(date);
  doc.meta.publisher = std::move(publisher);
  doc.text = std::move(text);
  return doc;
}

std::string TextOf(const Document& doc, Span span) { return std::string(span.In(doc.text)); }

std::string ReadSourceFile(const std::string& relative_path) {
  std::ifstream in(std::string(HEARSAY_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace hearsay::testing

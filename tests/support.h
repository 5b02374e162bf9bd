// Shared helpers for the stage tests.
#ifndef HEARSAY_TESTS_SUPPORT_H_
#define HEARSAY_TESTS_SUPPORT_H_

#include <string>

#include "hearsay/document.h"
#include "hearsay/pipeline.h"

namespace hearsay::testing {

// Resources loaded once from the source tree's ontology/ (the test fails if they do not load).
const Resources& TestResources();

// A document with the given text and publication date (YYYY-MM-DD or empty).
Document MakeDocument(std::string text, std::string date = "2013-10-03",
                      std::string publisher = "The Moscow Times");

// The text a span covers.
std::string TextOf(const Document& doc, Span span);

// Reads a file of the source tree (path relative to it).
std::string ReadSourceFile(const std::string& relative_path);

}  // namespace hearsay::testing

#endif  // HEARSAY_TESTS_SUPPORT_H_

// Copy and move of a Document, which must carry its tokens' folded views along; see document.hpp.
#include "text/document.hpp"

#include <utility>

namespace caretoolkit::text {

void Document::rebase_folded(const char* old_storage) {
  const auto old_base = reinterpret_cast<std::uintptr_t>(old_storage);
  for (Token& token : tokens_) {
    if (token.folded.data() == nullptr) continue;
    const auto offset = reinterpret_cast<std::uintptr_t>(token.folded.data()) - old_base;
    token.folded = std::string_view(folded_storage_.data() + offset, token.folded.size());
  }
}

Document::Document(const Document& other)
    : original_(other.original_),
      folded_storage_(other.folded_storage_),
      tokens_(other.tokens_),
      sentences_(other.sentences_),
      paragraphs_(other.paragraphs_),
      word_totals_(other.word_totals_) {
  rebase_folded(other.folded_storage_.data());
}

Document::Document(Document&& other) noexcept {
  *this = std::move(other);
}

Document& Document::operator=(const Document& other) {
  if (this != &other) {
    original_ = other.original_;
    folded_storage_ = other.folded_storage_;
    tokens_ = other.tokens_;
    sentences_ = other.sentences_;
    paragraphs_ = other.paragraphs_;
    word_totals_ = other.word_totals_;
    rebase_folded(other.folded_storage_.data());
  }
  return *this;
}

Document& Document::operator=(Document&& other) noexcept {
  if (this != &other) {
    // A string in its inline buffer moves to a new address; one on the heap keeps its buffer.
    const char* old_storage = other.folded_storage_.data();
    original_ = std::move(other.original_);
    folded_storage_ = std::move(other.folded_storage_);
    tokens_ = std::move(other.tokens_);
    sentences_ = std::move(other.sentences_);
    paragraphs_ = std::move(other.paragraphs_);
    word_totals_ = other.word_totals_;
    rebase_folded(old_storage);
  }
  return *this;
}

}  // namespace caretoolkit::text

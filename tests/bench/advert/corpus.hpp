// The benchmark corpus: realistic care adverts of 200 to 900 words, generated from a fixed seed
// so every run (and every peer tool) reads the same text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace caretoolkit::bench {

// The benchmarks' corpus: bench_advert (and through it the npm peers) and bench_stages read the
// same adverts.
inline constexpr std::uint64_t kCorpusSeed = 20250301;
inline constexpr std::size_t kCorpusAdverts = 200;

// `count` adverts; each has between min_words and max_words words (counted by spaces).
std::vector<std::string> generate_corpus(std::size_t count, std::uint64_t seed,
                                         std::size_t min_words = 200, std::size_t max_words = 900);

}  // namespace caretoolkit::bench

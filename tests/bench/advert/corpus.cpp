// Advert generator: sentences, headings and bullets drawn from pools of typical care advert
// wording (good and bad), with towns, pay and hours filled in.
#include "corpus.hpp"

#include <array>
#include <string_view>

namespace caretoolkit::bench {
namespace {

// SplitMix64: a tiny, well-distributed generator whose output is the same on every platform
// (std::uniform_int_distribution is not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <typename Container>
  const auto& pick(const Container& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 12> kTowns{
    "Lincoln",  "Sleaford",     "Grantham", "Boston",       "Stamford", "Louth",
    "Spalding", "Gainsborough", "Skegness", "Market Rasen", "Bourne",   "Horncastle"};

constexpr std::array<std::string_view, 8> kTitles{
    "Care assistant",       "Home care assistant",     "Senior carer", "Support worker",
    "Night care assistant", "Domiciliary care worker", "Team leader",  "Activities coordinator"};

constexpr std::array<std::string_view, 10> kHeadings{
    "About the job",        "About you",     "What we offer",
    "Your hours",           "How to apply",  "Who you will support",
    "Training and support", "A typical day", "Why people stay",
    "Key responsibilities"};

constexpr std::array<std::string_view, 44> kSentences{
    "You will help older people get up, wash, dress and enjoy their breakfast.",
    "Most of the people you support live alone, and your visit is the best part of their day.",
    "You will get to know each person, what matters to them and how they like things done.",
    "We are a family-run service and we have supported people in {town} for over twenty years.",
    "You do not need experience, because we train you from your first day.",
    "We pay for your DBS check, your uniform and a full week of induction.",
    "The successful candidate will provide personal care to service users in accordance with "
    "their care plans.",
    "Duties will include assisting service users with activities of daily living and "
    "completing documentation in a timely manner.",
    "You will be expected to liaise with the multi-disciplinary team and adhere to all policies "
    "and procedures at all times.",
    "Medication will be administered in line with MAR charts and company policy.",
    "We are looking for energetic and dynamic people to join our young and vibrant team!",
    "URGENT!!! Immediate start for the right candidate, do not miss out on this fantastic "
    "opportunity!",
    "You are kind, patient and reliable, and you treat people with dignity and respect.",
    "Our team is small and friendly, and most of us have been here for more than five years.",
    "You will earn {pay} an hour, with time and a half on bank holidays.",
    "Shifts run from 7am to 2pm and 2pm to 10pm, and you work one weekend in three.",
    "Choose from 16, 25 or 37.5 guaranteed hours a week to suit your family.",
    "Call Priya on 01632 960418 for a chat, or apply online in ten minutes.",
    "The closing date is Friday 14 March, and interviews are held the following week.",
    "You will shadow an experienced colleague until you feel confident.",
    "When you are ready, we fund your Level 2 Diploma in Care and the Care Certificate.",
    "Many of our senior carers and team leaders started with us as care assistants.",
    "We offer 28 days holiday, a workplace pension, free parking and a referral bonus.",
    "Paid travel time between visits and 45p a mile are part of every home care role.",
    "Competitive salary depending on experience, pro rata for part time hours.",
    "Applicants must have a minimum of two years experience and NVQ level 2 or above.",
    "Applicants must be physically fit, must drive and must hold a full UK driving licence.",
    "We support people living with dementia to stay independent in their own homes.",
    "Some days are calm and some are busy, but every day you make a difference.",
    "You might help someone plan their shopping, go with them to a club or sort out a bill.",
    "Our residents love music, gardening and a good cup of tea in the afternoon.",
    "The role involves supporting clients with complex needs and challenging behaviour.",
    "You will work with nurses, GPs and families to make sure each person gets the right care.",
    "If you have cared for a family member, that experience counts with us.",
    "We are rated Good by the Care Quality Commission, and our staff tell us why they stay.",
    "You will be responsible for ensuring that all records are kept up to date.",
    "Our home in {town} is close to the bus station and has free parking on site.",
    "We believe in person-centred care that puts the person and their choices first.",
    "The post holder will be required to work flexibly to meet the needs of the business.",
    "Please send your CV and a covering letter to the registered manager.",
    "You will have regular supervision and a named mentor in your first six months.",
    "We are an equal opportunities employer and welcome applicants from all backgrounds.",
    "Sleep-ins are paid at a flat rate and waking nights at the enhanced night rate.",
    "You will need an enhanced DBS check, which we arrange and pay for."};

constexpr std::array<std::string_view, 14> kBullets{"28 days holiday including bank holidays",
                                                    "a workplace pension",
                                                    "free uniform and protective equipment",
                                                    "a 250 pound bonus when you refer a friend",
                                                    "paid induction and shadow shifts",
                                                    "flexible shifts that fit around school",
                                                    "assisting service users with personal care",
                                                    "administering medication",
                                                    "maintaining accurate records",
                                                    "any other duties as required",
                                                    "free meals on shift",
                                                    "paid breaks",
                                                    "an employee assistance programme",
                                                    "a blue light card and high street discounts"};

constexpr std::array<std::string_view, 6> kPay{"£11.90", "£12.10", "£12.40",
                                               "£12.60", "£13.10", "£13.50"};

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::string fill(std::string_view sentence, Random& random) {
  std::string out;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    if (sentence.compare(i, 6, "{town}") == 0) {
      out += random.pick(kTowns);
      i += 5;
    } else if (sentence.compare(i, 5, "{pay}") == 0) {
      out += random.pick(kPay);
      i += 4;
    } else {
      out += sentence[i];
    }
  }
  return out;
}

std::string generate_advert(std::size_t target, Random& random) {
  std::string advert =
      std::string(random.pick(kTitles)) + " in " + std::string(random.pick(kTowns)) + "\n\n";
  while (count_words(advert) < target) {
    if (random.below(4) == 0) {
      advert += std::string(random.pick(kHeadings)) + "\n";
      if (random.below(2) == 0) {
        const std::size_t items = 3 + random.below(4);
        for (std::size_t i = 0; i < items; ++i)
          advert += "- " + std::string(random.pick(kBullets)) + "\n";
        advert += "\n";
        continue;
      }
    }
    const std::size_t sentences = 2 + random.below(4);
    for (std::size_t i = 0; i < sentences; ++i) {
      advert += fill(random.pick(kSentences), random);
      advert += i + 1 < sentences ? " " : "\n\n";
    }
  }
  // Trim to the target word count at a word boundary, ending the last sentence.
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < advert.size(); ++i) {
    const bool space = advert[i] == ' ' || advert[i] == '\n';
    if (!space && !in_word && ++words > target) {
      advert.resize(i);
      while (!advert.empty() && (advert.back() == ' ' || advert.back() == '\n')) advert.pop_back();
      if (advert.back() != '.' && advert.back() != '!') advert += '.';
      break;
    }
    in_word = !space;
  }
  return advert + "\n";
}

}  // namespace

std::vector<std::string> generate_corpus(std::size_t count, std::uint64_t seed,
                                         std::size_t min_words, std::size_t max_words) {
  Random random(seed);
  std::vector<std::string> corpus;
  corpus.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t target = min_words + random.below(max_words - min_words + 1);
    corpus.push_back(generate_advert(target, random));
  }
  return corpus;
}

}  // namespace caretoolkit::bench

// Realistic generated care adverts; see advert_corpus.hpp.
#include "advert_corpus.hpp"

#include <random>
#include <string_view>

namespace caretoolkit::text::testing {
namespace {

constexpr std::string_view kRoles[] = {
    "Care Assistant",         "Senior Carer", "Support Worker",
    "Home Care Worker",       "Night Carer",  "Registered Nurse (RGN)",
    "Activities Coordinator", "Team Leader",  "Domiciliary Carer"};
constexpr std::string_view kPlaces[] = {"Leeds", "Harrogate", "Wakefield",  "Bradford",
                                        "York",  "Kirklees",  "Calderdale", "Selby"};
constexpr std::string_view kHeadings[] = {
    "About the role", "About you", "What we offer:", "Benefits",      "How to apply",
    "Why join us?",   "Your day",  "Who we are",     "Pay and hours", "Training and progression:"};

// Prose, with the punctuation and characters real adverts carry.
constexpr std::string_view kSentences[] = {
    "We are looking for a kind and caring person to join our friendly team.",
    "You will support older people to live independently in their own homes.",
    "No experience? That's fine: we'll give you full training and a mentor.",
    "We pay £11.50 per hour, rising to £12.25 after your probation.",
    "Our home is rated \"Good\" by the Care Quality Commission (CQC).",
    "You don’t need qualifications, but you do need compassion, patience and a sense of humour.",
    "Shifts are 8am–2pm or 2pm–10pm, and every other weekend.",
    "We cover the cost of your DBS check, uniform and training.",
    "Mileage is paid at 45p per mile, and travel time between visits is paid too.",
    "You'll help people with washing, dressing, meals and medication.",
    "Dr. Patel, our GP partner, visits every Tuesday.",
    "Many of our carers started with no experience; some are now team leaders.",
    "We're a family-run business, established in 1998, with 2,500 hours of care each week.",
    "Our residents enjoy music, gardening, baking etc. and we'd love your ideas.",
    "You will treat every person with dignity and respect.",
    "Full-time, part-time and flexible hours are available, e.g. school hours.",
    "Apply today: it only takes 5 minutes!",
    "Please call Sarah on 01234 567890 or e-mail jobs@brightcare.co.uk.",
    "The closing date is 31/03/2025, but we may close early if we receive many applications.",
    "We offer a £250 welcome bonus (paid after 3 months) and a refer-a-friend scheme.",
    "Our café serves fresh food, and staff meals are free.",
    "You'll complete the Care Certificate within 12 weeks, i.e. during your paid induction.",
    "Progression is real here: 40% of our seniors were promoted from within.",
    "People’s wellbeing matters to us, and so does yours.",
    "Ask us about our Level 2 and Level 3 diplomas, fully funded.",
    "Do you enjoy making someone smile? Then we want to hear from you.",
    "We support people living with dementia, learning disabilities and physical disabilities.",
    "Every shift starts with a handover, so you always know what's happening.",
    "You must be 18+ and have the right to work in the UK.",
    "A full UK driving licence is desirable, though not essential.",
    "We'll match your hours to your life – school runs, studies or caring at home.",
    "Our team won \"Care Employer of the Year\" at the Yorkshire Care Awards 2023.",
    "Pay: £23,400 – £26,000 per annum, pro rata, plus enhancements at weekends.",
    "Thank you for your interest in Bright Care Ltd. We look forward to meeting you.",
    "The manager, Mrs. Okafor, will call you within 2 working days.",
    "You'll work alongside nurses, therapists and families to plan each person's care.",
    "Meet the team at our open day on Saturday 12 April, 10.00–14.00.",
    "We believe in person-centred care: small things make a big difference.",
    "We're proud of our team 😀 and we think you'll be proud too.",
    "Our service users say our carers are \"like family\".",
};

constexpr std::string_view kItems[] = {
    "Free uniform",
    "Paid DBS check",
    "28 days' holiday including bank holidays",
    "Company pension with 5% employer contribution",
    "Paid induction and shadow shifts",
    "Free parking on site",
    "Blue Light Card discounts",
    "Wellbeing support and an Employee Assistance Programme",
    "Overtime at time and a half",
    "Flexible shifts to fit around your family",
    "Funded qualifications (NVQ/QCF Level 2 & 3)",
    "Weekly pay",
    "You are reliable, patient and kind",
    "You communicate clearly with people and families",
    "You can work weekends on a rota",
    "Experience is welcome but not essential",
    "£0.50 per hour extra for nights",
    "Refer a friend: £300 bonus",
    "A supportive manager who listens",
    "Career progression to senior and team leader roles",
};

constexpr std::string_view kMarkers[] = {"- ", "• ", "* ", "\u2022\t", "– ", "· "};

class Writer {
 public:
  Writer(std::uint32_t seed, std::uint32_t target) : rng_(seed), target_(target) {}

  std::string run() {
    out_ += pick(kRoles);
    out_ += " – ";
    out_ += pick(kPlaces);
    out_ += "\n\n";
    paragraph(2, 4);
    while (words_ < target_) {
      out_ += pick(kHeadings);
      out_ += chance(3) ? "\n\n" : "\n";
      switch (below(3)) {
        case 0:
          paragraph(2, 6);
          break;
        case 1:
          list();
          break;
        default:
          paragraph(1, 2);
          list();
          break;
      }
    }
    out_ +=
        chance(2) ? "Thank you\nThe Recruitment Team\n" : "We look forward to hearing from you.";
    return out_;
  }

 private:
  template <std::size_t N>
  std::string_view pick(const std::string_view (&list)[N]) {
    return list[below(N)];
  }
  std::size_t below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  bool chance(std::size_t one_in) { return below(one_in) == 0; }

  void count_words(std::string_view s) {
    bool in_word = false;
    for (const char c : s) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (letter && !in_word) ++words_;
      in_word = letter || c == '\'';
    }
  }

  void paragraph(std::size_t min, std::size_t max) {
    const std::size_t n = min + below(max - min + 1);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view s = pick(kSentences);
      out_ += s;
      count_words(s);
      // Now and then a paragraph wraps onto a new line mid-sentence.
      out_ += i + 1 == n ? "" : (chance(15) ? "\n" : " ");
    }
    out_ += "\n\n";
  }

  void list() {
    const std::size_t n = 3 + below(6);
    const bool numbered = chance(5);
    const std::string_view marker = pick(kMarkers);
    for (std::size_t i = 0; i < n; ++i) {
      if (numbered) {
        out_ += std::to_string(i + 1);
        out_ += chance(2) ? ". " : ") ";
      } else {
        out_ += marker;
      }
      const std::string_view item = pick(kItems);
      out_ += item;
      count_words(item);
      out_ += chance(6) ? ".\n" : "\n";
    }
    out_ += "\n";
  }

  std::mt19937 rng_;
  std::uint32_t target_;
  std::uint32_t words_ = 0;
  std::string out_;
};

}  // namespace

std::string generate_advert(std::uint32_t seed, std::uint32_t target_words) {
  return Writer(seed, target_words).run();
}

std::vector<std::string> generate_corpus(std::uint32_t seed, std::size_t count) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::uint32_t> words(200, 900);
  std::vector<std::string> corpus;
  corpus.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t advert_seed = rng();
    corpus.push_back(generate_advert(advert_seed, words(rng)));
  }
  return corpus;
}

}  // namespace caretoolkit::text::testing

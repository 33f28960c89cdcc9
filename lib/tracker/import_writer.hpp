// The write side of a CSV import, and how both sides name the sources, services and vacancies the
// rows refer to. Internal to lib/tracker (the CSV imports and write_queue.hpp).
//
// The reading side meets a new name before its row exists, so it cannot know the id the database
// will give it. It names it by a NameRef instead: a stored row by its id, a row the import creates
// by its place in the order of creation. The write side inserts the created rows in that order,
// keeps the id the database gives each, and turns every NameRef into an id as it binds a row.
#pragma once

#include <cassert>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tracker/connection.hpp"
#include "tracker/records.hpp"
#include "tracker/types.hpp"

namespace caretoolkit::pg {
class CopyIn;
}

namespace caretoolkit::tracker {

class NameDirectory;

class NameRef {
 public:
  // A source, service or vacancy the store holds.
  static NameRef stored(Id id) { return NameRef(id); }
  static std::optional<NameRef> stored(const std::optional<Id>& id) {
    return id ? std::optional(NameRef(*id)) : std::nullopt;
  }

  // The stored row's id; nullopt for one the import creates.
  std::optional<Id> stored_id() const {
    return value_ > 0 ? std::optional<Id>(value_) : std::nullopt;
  }

  // Distinct for every name of an import (stored ids are positive, created rows negative), for
  // keys that match a row's names against others'.
  std::string key() const { return std::to_string(value_); }

  friend bool operator==(NameRef, NameRef) = default;
  friend auto operator<=>(NameRef, NameRef) = default;

 private:
  // Only the directory hands out created ones: it queues each one's insert as it does
  // (NameDirectory::create), which is what keeps them in step with the write side.
  friend class NameDirectory;
  friend class ImportWriter;
  static NameRef created(std::size_t order) { return NameRef(-1 - static_cast<Id>(order)); }
  std::size_t created_order() const { return static_cast<std::size_t>(-1 - value_); }

  explicit NameRef(Id value) : value_(value) {}
  Id value_;
};

// Lives in the import's WriteQueue, which hands it to each write on the connection's thread; the
// reading side never touches it.
class ImportWriter {
 public:
  explicit ImportWriter(Connection& connection);
  ~ImportWriter();  // cancels a bulk load still in progress
  ImportWriter(const ImportWriter&) = delete;
  ImportWriter& operator=(const ImportWriter&) = delete;

  // The connection, for a write's statements. A bulk load in progress (copy()) is finished first,
  // as a connection takes no other statement during one; a row it refused is thrown here.
  Connection& connection();

  // PostgreSQL only: the bulk load `copy_sql` ("COPY t (columns) FROM STDIN") to send a write's
  // rows to. Consecutive writes naming the same load share one COPY, so that their rows stream to
  // the server as one statement rather than one each.
  caretoolkit::pg::CopyIn& copy(const std::string& copy_sql);

  // Inserts a source, service or vacancy the import creates, the next in the order of creation,
  // and keeps the id the database gives it for the NameRef that stands for it.
  template <class T>
  void create(const T& record) {
    created_.push_back(records::insert(connection(), record));
  }

  // The id a NameRef stands for. Writes run in the order they were queued and a created name's
  // insert is queued as the name is handed out, so every created name met here has its id.
  Id id(NameRef name) const {
    if (name.value_ > 0) return name.value_;
    assert(name.created_order() < created_.size());
    return created_[name.created_order()];
  }
  std::optional<Id> id(const std::optional<NameRef>& name) const {
    return name ? std::optional<Id>(id(*name)) : std::nullopt;
  }

  // Rows an update matched: changed by it, or found already as the file has them.
  struct Updates {
    std::size_t changed = 0;
    std::size_t unchanged = 0;
  };
  Updates updates;

 private:
  Connection& connection_;                         // the import's own, which outlives it
  std::vector<Id> created_;                        // by order of creation
  std::unique_ptr<caretoolkit::pg::CopyIn> copy_;  // the bulk load in progress, if any
  std::string copy_sql_;                           // and its statement
};

}  // namespace caretoolkit::tracker

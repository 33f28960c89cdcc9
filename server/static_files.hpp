// The toolkit's pages, loaded into memory once at start-up and served from there.
//
// Because requests are answered from an in-memory map keyed by URL path, no request can make the
// server read a file: "..", "%2e%2e", absolute paths and symbolic links have nothing to reach. At
// load time only regular files inside the content folder are taken (a symbolic link is followed
// only if its target is still inside the folder), and dot-files are skipped.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http_types.hpp"

namespace caretoolkit::server {

// The page served, with status 404, for an address that has no page.
inline constexpr std::string_view kNotFoundPage = "/not-found.html";

class StaticFiles {
 public:
  // Loads every regular file under `root`. Throws caretoolkit::Error if `root` is not a folder.
  void load_directory(const std::filesystem::path& root);
  // Serves one extra file at `url_path` (e.g. Chart.js from a system package). Ignored when the
  // file does not exist, so that an optional package can be missing.
  bool add_file(const std::string& url_path, const std::filesystem::path& file);

  // Answers GET or HEAD: 200 with the file, 304 when If-None-Match matches, and otherwise 404
  // with the content's "page not found" page (kNotFoundPage), whose links lead back into the
  // toolkit, or a problem+json body when the content has no such page. "/" and "/dir/" serve
  // index.html; "/page" also finds "/page.html".
  Response serve(const Request& request) const;

  bool contains(std::string_view url_path) const;
  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string body;
    std::string content_type;
    std::string etag;
  };
  const File* find(std::string_view url_path) const;
  Response not_found(const Request& request) const;

  std::unordered_map<std::string, File> files_;
};

// The media type for a file name, by extension ("text/html; charset=utf-8").
std::string_view media_type_for(std::string_view file_name);

}  // namespace caretoolkit::server

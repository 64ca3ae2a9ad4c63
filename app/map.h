// `gongwen map`: crawl records in, gongwen/1 lines out, nothing else — the
// contract of Hadoop Streaming and Spark's RDD.pipe() (README, "Past one
// machine").
//
// In:  JSON Lines records on `in` (the record form `gongwen run` reads from
//      a .jsonl container: body or html, title, url, …; `fields` names them),
//      read a block of whole lines at a time, so memory is bounded by the
//      block and the largest record, never by the input.
// Out: on `out`, per record in input order, its gongwen/1 line as `gongwen
//      run` writes it for NAME#KEY (NAME: `name`, the container's name), or a
//      gongwen-error/1 line: {"schema", "path", "code", "byte", "page",
//      "message"} as a line of errors.jsonl. No file, no database, no
//      stderr but a fatal error: a task's output is all there is.
// `first_record` and `first_byte` place the input in a larger file (a split
//      of it): ordinals, byte offsets and keys made from ordinals continue
//      from them, so the lines equal those of a run over the whole file.
// Exit: 0 (failed records are lines too); 3 when the pipeline cannot start
//      or `out` cannot be written.
#ifndef GONGWEN_APP_MAP_H_
#define GONGWEN_APP_MAP_H_

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>

#include "pipeline/pipeline.h"

namespace gongwen::map_cli {

struct MapOptions {
  std::string name = "stdin.jsonl";
  std::string fields;  // --fields ROLE=NAME,…
  int64_t first_record = 0;
  int64_t first_byte = 0;
  ProcessOptions process;
};

int Map(const MapOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace gongwen::map_cli

#endif  // GONGWEN_APP_MAP_H_

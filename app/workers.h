// Worker threads for `gongwen run --jobs N`: jobs are handed over through
// one queue and each says when it is done. The caller (the main thread)
// keeps the order of the results: it waits for its tickets in input order.
// A job gets the index of the worker it runs on (0..threads-1), so a caller
// can keep one object per worker (a Pipeline: its Normalizer holds OpenCC).
// Threads start on demand (never more than jobs submitted) and are joined
// by the destructor, which drops the jobs not yet started.
#ifndef GONGWEN_APP_WORKERS_H_
#define GONGWEN_APP_WORKERS_H_

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace gongwen::cli {

class Workers {
 public:
  using Job = std::function<void(int worker)>;
  struct Ticket {
    bool done = false;  // guarded by the pool's mutex
  };

  explicit Workers(int threads);
  ~Workers();
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  int size() const { return size_; }
  // Queues `job`; what it writes is visible to the caller once Done/Wait
  // says so.
  std::shared_ptr<Ticket> Submit(Job job);
  bool Done(const Ticket& ticket);
  // Waits until the ticket's job is done or `timeout` passed; true when done.
  bool Wait(const Ticket& ticket, std::chrono::milliseconds timeout);

 private:
  void Loop(int worker);

  const int size_;
  std::mutex mu_;
  std::condition_variable work_, done_;
  std::deque<std::pair<Job, std::shared_ptr<Ticket>>> queue_;
  std::vector<std::thread> threads_;
  int idle_ = 0;
  bool stop_ = false;
};

}  // namespace gongwen::cli

#endif  // GONGWEN_APP_WORKERS_H_

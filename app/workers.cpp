#include "app/workers.h"

#include <algorithm>

namespace gongwen::cli {

Workers::Workers(int threads) : size_(std::max(1, threads)) {}

Workers::~Workers() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    queue_.clear();
  }
  work_.notify_all();
  for (std::thread& t : threads_) t.join();
}

std::shared_ptr<Workers::Ticket> Workers::Submit(Job job) {
  auto ticket = std::make_shared<Ticket>();
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.emplace_back(std::move(job), ticket);
    if (idle_ < static_cast<int>(queue_.size()) && static_cast<int>(threads_.size()) < size_) {
      const int worker = static_cast<int>(threads_.size());
      threads_.emplace_back([this, worker] { Loop(worker); });
    }
  }
  work_.notify_one();
  return ticket;
}

bool Workers::Done(const Ticket& ticket) {
  std::lock_guard<std::mutex> lock(mu_);
  return ticket.done;
}

bool Workers::Wait(const Ticket& ticket, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  return done_.wait_for(lock, timeout, [&] { return ticket.done; });
}

void Workers::Loop(int worker) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    ++idle_;
    work_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    --idle_;
    if (stop_) return;
    auto [job, ticket] = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    job(worker);
    job = nullptr;  // what the job holds (the document's bytes) goes now
    lock.lock();
    ticket->done = true;
    done_.notify_all();
  }
}

}  // namespace gongwen::cli

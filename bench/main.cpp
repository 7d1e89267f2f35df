// devo's benchmarks (bench/README.md): W1 to W6 through Google Benchmark, and
// the fixture the peer rules engines run on.
//
//   devo_bench [--devo PATH] [Google Benchmark flags]   run the workloads
//   devo_bench --write-peer-fixture DIR                 write the peers' inputs

#include "workloads.hpp"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::string devo_binary = DEVO_BINARY;
  std::vector<char*> passed{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--write-peer-fixture") == 0 && i + 1 < argc) {
      try {
        devo::bench::write_peer_fixture(argv[i + 1]);
        return 0;
      } catch (const std::exception& error) {
        std::fprintf(stderr, "devo_bench: %s\n", error.what());
        return 1;
      }
    }
    if (std::strcmp(argv[i], "--devo") == 0 && i + 1 < argc) {
      devo_binary = argv[++i];
      continue;
    }
    passed.push_back(argv[i]);
  }
  int count = static_cast<int>(passed.size());
  benchmark::Initialize(&count, passed.data());
  devo::bench::register_workloads(devo_binary);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

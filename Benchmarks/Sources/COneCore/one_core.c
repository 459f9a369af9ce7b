#include "one_core.h"

#if defined(__linux__)
#define _GNU_SOURCE
#include <dirent.h>
#include <sched.h>
#include <stdlib.h>

int cxkit_pin_to_one_cpu(void) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
    int cpu = -1;
    for (int candidate = CPU_SETSIZE - 1; candidate >= 0; candidate--) {
        if (CPU_ISSET(candidate, &allowed)) { cpu = candidate; break; }
    }
    if (cpu < 0) return -1;
    cpu_set_t only;
    CPU_ZERO(&only);
    CPU_SET(cpu, &only);
    DIR *tasks = opendir("/proc/self/task");
    if (tasks == NULL) return sched_setaffinity(0, sizeof only, &only) == 0 ? cpu : -1;
    int result = cpu;
    struct dirent *entry;
    while ((entry = readdir(tasks)) != NULL) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        if (sched_setaffinity((pid_t)atoi(entry->d_name), sizeof only, &only) != 0) result = -1;
    }
    closedir(tasks);
    return result;
}
#else
int cxkit_pin_to_one_cpu(void) { return -1; }
#endif

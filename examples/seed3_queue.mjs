// shared/seeds/003, Example #1: the synchronous queue baseline. It uses no event loop, so it is
// plain JavaScript: an array stands in for queue.Queue.
function task(name, sampleQueue) {
  if (sampleQueue.length === 0) {
    console.log(`Task ${name} has nothing to do`);
  } else {
    while (sampleQueue.length > 0) {
      const cnt = sampleQueue.shift();
      let total = 0;
      for (let x = 0; x < cnt; x++) {
        console.log(`Task ${name} is running now`);
        total += 1;
      }
      console.log(`Task ${name} is running with a total of: ${total}`);
    }
  }
}

function sampleAsync() {
  const sampleQueue = [2, 5, 10, 15, 20];
  const tasks = [
    [task, "Async1", sampleQueue],
    [task, "Async2", sampleQueue],
    [task, "Async3", sampleQueue],
  ];
  for (const [t, n, q] of tasks) t(n, q);
}

sampleAsync();

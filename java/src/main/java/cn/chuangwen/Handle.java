package cn.chuangwen;

import com.sun.jna.Pointer;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Owns one library handle, freed by {@link #close()}. Calls go through {@link #use}: on a closed
 * handle they throw {@link ChuangwenException.Closed}. Handles the C API calls one thread at a time
 * let one call in at a time (other threads wait); thread-safe ones let any number in. {@code
 * close()} waits for calls in progress.
 */
abstract class Handle implements AutoCloseable {
  private Pointer pointer;
  private final String what;
  private final boolean exclusive;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  Handle(Pointer pointer, String what, boolean exclusive) {
    this.pointer = pointer;
    this.what = what;
    this.exclusive = exclusive;
  }

  /** Frees the handle in the library. */
  abstract void free(Pointer p);

  <T> T use(Function<Pointer, T> call) {
    java.util.concurrent.locks.Lock l = exclusive ? lock.writeLock() : lock.readLock();
    l.lock();
    try {
      if (pointer == null) throw new ChuangwenException.Closed(what);
      return call.apply(pointer);
    } finally {
      l.unlock();
    }
  }

  void run(Consumer<Pointer> call) {
    use(
        p -> {
          call.accept(p);
          return null;
        });
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    lock.readLock().lock();
    try {
      return pointer == null;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Frees the handle; later calls throw. Calling it twice is harmless. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (pointer != null) free(pointer);
      pointer = null;
    } finally {
      lock.writeLock().unlock();
    }
  }
}

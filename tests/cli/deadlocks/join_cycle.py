import threading
main = threading.main_thread()
def waits_for_main():
    main.join()
t = threading.Thread(target=waits_for_main)
t.start()
t.join()
